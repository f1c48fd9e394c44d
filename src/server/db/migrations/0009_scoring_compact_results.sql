DROP INDEX "score_results_rank_idx";--> statement-breakpoint
ALTER TABLE "score_inputs" ALTER COLUMN "inputs" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "score_results" ALTER COLUMN "nodes" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "score_results" ALTER COLUMN "ranks" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "score_results" ALTER COLUMN "issues" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "score_runs" ADD COLUMN "result_layout" json;--> statement-breakpoint
-- Results stored before the compact layout cannot be read by it: their runs go back to draft and are rescored.
DELETE FROM "score_results";--> statement-breakpoint
UPDATE "score_runs" SET "status" = 'draft', "scored_at" = NULL WHERE "status" = 'scored';
