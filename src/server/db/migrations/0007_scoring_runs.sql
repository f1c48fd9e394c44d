CREATE TABLE "score_inputs" (
	"run_id" uuid NOT NULL,
	"unit_key" text NOT NULL,
	"level" text NOT NULL,
	"group_no" smallint,
	"inputs" jsonb NOT NULL,
	CONSTRAINT "score_inputs_run_id_unit_key_pk" PRIMARY KEY("run_id","unit_key")
);
--> statement-breakpoint
CREATE TABLE "score_results" (
	"run_id" uuid NOT NULL,
	"unit_key" text NOT NULL,
	"points" double precision NOT NULL,
	"max_points" double precision NOT NULL,
	"value" double precision,
	"scaled" double precision,
	"rank" integer,
	"rank_of" integer NOT NULL,
	"partition" text NOT NULL,
	"band" text,
	"nodes" jsonb NOT NULL,
	"ranks" jsonb NOT NULL,
	"issues" jsonb NOT NULL,
	CONSTRAINT "score_results_run_id_unit_key_pk" PRIMARY KEY("run_id","unit_key")
);
--> statement-breakpoint
CREATE TABLE "score_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid,
	"label" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"unit_count" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scored_at" timestamp with time zone,
	CONSTRAINT "score_runs_status_check" CHECK ("score_runs"."status" in ('draft', 'scored', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "score_inputs" ADD CONSTRAINT "score_inputs_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_results" ADD CONSTRAINT "score_results_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_runs" ADD CONSTRAINT "score_runs_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_results_rank_idx" ON "score_results" USING btree ("run_id","rank");