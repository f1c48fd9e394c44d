CREATE TABLE "attempt_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"section" text NOT NULL,
	"points" real NOT NULL,
	"reason" text NOT NULL,
	"appeal_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"attempt_id" uuid,
	"filed_by" text NOT NULL,
	"filed_by_user_id" uuid,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"regrade_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_item_analyses" (
	"contest_id" uuid PRIMARY KEY NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_item_overrides" (
	"contest_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"correct" jsonb,
	"reason" text NOT NULL,
	"regrade_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_item_overrides_contest_id_version_id_pk" PRIMARY KEY("contest_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "contest_regrades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"version_id" uuid,
	"appeal_id" uuid,
	"change" jsonb,
	"reason" text NOT NULL,
	"diff" jsonb NOT NULL,
	"changed_count" integer NOT NULL,
	"checked_count" integer NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_result_publications" (
	"contest_id" uuid PRIMARY KEY NOT NULL,
	"show_answers" text DEFAULT 'none' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_version_stats" (
	"version_id" uuid NOT NULL,
	"contest_id" uuid NOT NULL,
	"responses" integer NOT NULL,
	"stats" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_version_stats_version_id_contest_id_pk" PRIMARY KEY("version_id","contest_id")
);
--> statement-breakpoint
ALTER TABLE "attempt_adjustments" ADD CONSTRAINT "attempt_adjustments_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_adjustments" ADD CONSTRAINT "attempt_adjustments_appeal_id_contest_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."contest_appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_adjustments" ADD CONSTRAINT "attempt_adjustments_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeals" ADD CONSTRAINT "contest_appeals_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeals" ADD CONSTRAINT "contest_appeals_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeals" ADD CONSTRAINT "contest_appeals_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeals" ADD CONSTRAINT "contest_appeals_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeals" ADD CONSTRAINT "contest_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_item_analyses" ADD CONSTRAINT "contest_item_analyses_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_item_overrides" ADD CONSTRAINT "contest_item_overrides_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_item_overrides" ADD CONSTRAINT "contest_item_overrides_version_id_question_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."question_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_item_overrides" ADD CONSTRAINT "contest_item_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_regrades" ADD CONSTRAINT "contest_regrades_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_regrades" ADD CONSTRAINT "contest_regrades_version_id_question_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."question_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_regrades" ADD CONSTRAINT "contest_regrades_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_result_publications" ADD CONSTRAINT "contest_result_publications_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_result_publications" ADD CONSTRAINT "contest_result_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_version_stats" ADD CONSTRAINT "question_version_stats_version_id_question_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."question_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_version_stats" ADD CONSTRAINT "question_version_stats_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_adjustments_attempt_idx" ON "attempt_adjustments" USING btree ("attempt_id");--> statement-breakpoint
CREATE INDEX "contest_appeals_contest_idx" ON "contest_appeals" USING btree ("contest_id","status");--> statement-breakpoint
CREATE INDEX "contest_appeals_candidate_idx" ON "contest_appeals" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "contest_regrades_contest_idx" ON "contest_regrades" USING btree ("contest_id","created_at");--> statement-breakpoint
CREATE INDEX "question_version_stats_contest_idx" ON "question_version_stats" USING btree ("contest_id");