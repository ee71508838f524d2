CREATE TABLE "placement_events" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"interruption_reason" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_events_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"wishes" text NOT NULL,
	"status" text NOT NULL,
	"status_on" date NOT NULL,
	"interruption_reason" text,
	"follow_up_on" date,
	"proposed_by_agency_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "unmet_needs" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"looked_for" text NOT NULL,
	"district_id" uuid,
	"audiences" jsonb NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by_agency_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unmet_needs_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_municipality_id_placement_id_placements_municipality_id_id_fk" FOREIGN KEY ("municipality_id","placement_id") REFERENCES "public"."placements"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_id_resource_id_resources_municipality_id_id_fk" FOREIGN KEY ("municipality_id","resource_id") REFERENCES "public"."resources"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_id_proposed_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","proposed_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmet_needs" ADD CONSTRAINT "unmet_needs_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_events_placement_idx" ON "placement_events" USING btree ("municipality_id","placement_id");--> statement-breakpoint
CREATE INDEX "placements_case_idx" ON "placements" USING btree ("municipality_id","case_id");--> statement-breakpoint
CREATE INDEX "placements_resource_idx" ON "placements" USING btree ("municipality_id","resource_id");--> statement-breakpoint
CREATE INDEX "unmet_needs_recorded_idx" ON "unmet_needs" USING btree ("municipality_id","recorded_on");