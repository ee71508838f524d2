ALTER TABLE "audit_log" ADD COLUMN "actor_agency_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_basis_idx" ON "audit_log" USING btree ("municipality_id","basis");