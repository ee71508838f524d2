CREATE TABLE "support_data_versions" (
	"municipality_id" uuid NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "support_data_versions_municipality_id_pk" PRIMARY KEY("municipality_id")
);
--> statement-breakpoint
ALTER TABLE "support_data_versions" ADD CONSTRAINT "support_data_versions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_records_date_idx" ON "case_records" USING btree ("municipality_id","date","kind","agency_id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "placement_events_on_idx" ON "placement_events" USING btree ("municipality_id","on");--> statement-breakpoint
CREATE INDEX "persons_created_idx" ON "persons" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_created_idx" ON "referrals" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "case_closures_closed_idx" ON "case_closures" USING btree ("municipality_id","closed_on");--> statement-breakpoint
CREATE INDEX "support_plans_approved_idx" ON "support_plans" USING btree ("municipality_id","approved_on");