DROP INDEX "attempt_events_attempt_idx";--> statement-breakpoint
ALTER TABLE "attempt_events" ALTER COLUMN "attempt_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_events" ADD COLUMN "candidate_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_events" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "extra_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "paused_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "theory_max" real;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "grading" jsonb;--> statement-breakpoint
ALTER TABLE "candidate_logins" ADD COLUMN "csrf_token" text NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_logins" ADD COLUMN "expires_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_events" ADD CONSTRAINT "attempt_events_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_events_candidate_idx" ON "attempt_events" USING btree ("candidate_id","id");--> statement-breakpoint
CREATE INDEX "attempt_events_login_idx" ON "attempt_events" USING btree ("candidate_id","kind") WHERE "attempt_events"."kind" like 'login%';--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_logins_active_key" ON "candidate_logins" USING btree ("candidate_id") WHERE "candidate_logins"."revoked_at" is null;