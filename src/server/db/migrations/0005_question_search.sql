-- Diacritic-free search over a question's stem and options (kept in questions.search_text).
CREATE INDEX questions_search_fold_trgm ON questions USING gin (vn_fold(search_text) gin_trgm_ops);--> statement-breakpoint
-- A category's name is unique among its siblings, compared without diacritics or case.
CREATE UNIQUE INDEX question_categories_sibling_name_key
  ON question_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), vn_fold(name));
