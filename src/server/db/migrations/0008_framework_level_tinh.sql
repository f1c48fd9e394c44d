ALTER TABLE "framework_versions" DROP CONSTRAINT "framework_versions_level_check";--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_level_check" CHECK ("framework_versions"."level" in ('tinh', 'so', 'huyen', 'xa'));--> statement-breakpoint
-- The national provincial set used to be stored at the district level for want of a province level.
UPDATE "framework_versions" SET "level" = 'tinh', "document" = jsonb_set("document", '{level}', '"tinh"')
WHERE "code" = 'dti-tinh' AND "level" = 'huyen' AND "locked_at" IS NULL;
