CREATE TABLE "cycle_snapshot_details" (
	"snapshot_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"final" json NOT NULL,
	"evidence_required" integer NOT NULL,
	"evidence_provided" integer NOT NULL,
	CONSTRAINT "cycle_snapshot_details_snapshot_id_unit_id_pk" PRIMARY KEY("snapshot_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_snapshot_details" ADD CONSTRAINT "cycle_snapshot_details_snapshot_id_cycle_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."cycle_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_details" ADD CONSTRAINT "cycle_snapshot_details_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_details" ADD CONSTRAINT "cycle_snapshot_details_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A snapshot's details are published with it and, like it, never edited: a correction is a new version.
CREATE OR REPLACE FUNCTION cycle_snapshot_details_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'cycle_snapshot_details are immutable'; END $$;--> statement-breakpoint
CREATE TRIGGER cycle_snapshot_details_no_update BEFORE UPDATE OR DELETE ON cycle_snapshot_details
  FOR EACH ROW EXECUTE FUNCTION cycle_snapshot_details_immutable();--> statement-breakpoint
CREATE TRIGGER cycle_snapshot_details_no_truncate BEFORE TRUNCATE ON cycle_snapshot_details
  FOR EACH STATEMENT EXECUTE FUNCTION cycle_snapshot_details_immutable();
