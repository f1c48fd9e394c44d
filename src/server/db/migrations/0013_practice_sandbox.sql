CREATE TABLE "practice_cas" (
	"contest_id" uuid PRIMARY KEY NOT NULL,
	"certificate_pem" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"serial" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"candidate_id" uuid,
	"subject_name" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"serial" text NOT NULL,
	"pin_hash" text,
	"pin_sealed" text,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_certificates_kind_check" CHECK (("practice_certificates"."kind" = 'candidate') = ("practice_certificates"."candidate_id" is not null and "practice_certificates"."pin_hash" is not null))
);
--> statement-breakpoint
CREATE TABLE "practice_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"key" text NOT NULL,
	"revision" smallint DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"layout" jsonb,
	"verification" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_sandboxes" (
	"attempt_id" uuid PRIMARY KEY NOT NULL,
	"scenario_code" text NOT NULL,
	"scenario_version" integer NOT NULL,
	"scenario" jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"seq" bigint DEFAULT 1 NOT NULL,
	"score" real,
	"max_score" real,
	"grading" jsonb,
	"graded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"document" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_cas" ADD CONSTRAINT "practice_cas_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_certificates" ADD CONSTRAINT "practice_certificates_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_certificates" ADD CONSTRAINT "practice_certificates_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_attempt_id_practice_sandboxes_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."practice_sandboxes"("attempt_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_sandboxes" ADD CONSTRAINT "practice_sandboxes_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_scenarios" ADD CONSTRAINT "practice_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "practice_certificates_serial_key" ON "practice_certificates" USING btree ("contest_id","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_certificates_candidate_key" ON "practice_certificates" USING btree ("contest_id","candidate_id") WHERE "practice_certificates"."kind" = 'candidate';--> statement-breakpoint
CREATE UNIQUE INDEX "practice_certificates_agency_key" ON "practice_certificates" USING btree ("contest_id","subject_name") WHERE "practice_certificates"."kind" = 'agency';--> statement-breakpoint
CREATE UNIQUE INDEX "practice_files_revision_key" ON "practice_files" USING btree ("attempt_id","key","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_scenarios_code_key" ON "practice_scenarios" USING btree ("code");