ALTER TABLE "persons" ADD COLUMN "name_key" text GENERATED ALWAYS AS (replace(normalize(name_kanji, NFKC), ' ', '')) STORED;--> statement-breakpoint
CREATE INDEX "persons_name_key_idx" ON "persons" USING btree ("municipality_id","name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("municipality_id","person_id");