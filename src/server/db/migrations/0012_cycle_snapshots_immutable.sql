-- Published results are immutable: a correction is a new snapshot version, never an edit.
CREATE OR REPLACE FUNCTION cycle_snapshots_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'cycle_snapshots are immutable'; END $$;--> statement-breakpoint
CREATE TRIGGER cycle_snapshots_no_update BEFORE UPDATE OR DELETE ON cycle_snapshots
  FOR EACH ROW EXECUTE FUNCTION cycle_snapshots_immutable();--> statement-breakpoint
CREATE TRIGGER cycle_snapshots_no_truncate BEFORE TRUNCATE ON cycle_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION cycle_snapshots_immutable();
