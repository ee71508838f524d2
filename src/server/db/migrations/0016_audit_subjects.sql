ALTER TABLE "audit_log" ADD COLUMN "subjects" jsonb;--> statement-breakpoint
CREATE INDEX "audit_subjects_idx" ON "audit_log" USING gin ("subjects" jsonb_path_ops);--> statement-breakpoint
-- Sealing updates each record once, which leaves the old row version behind; the partial index of unsealed records
-- then still holds its entry until a VACUUM, and the sealer walks over them on every round. With the default scale
-- factor (20 % of the log) that is hundreds of thousands of entries in a city's log; a fixed threshold keeps it to
-- thousands. Ignored where nothing vacuums on its own (PGlite).
ALTER TABLE "audit_log" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
