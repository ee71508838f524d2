CREATE TABLE "resource_activity_months" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"month" text NOT NULL,
	"participants" integer NOT NULL,
	"organisations" jsonb NOT NULL,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_activity_months_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "resource_activity_months_month_uq" UNIQUE("municipality_id","resource_id","month")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"operator_agency_id" uuid,
	"operator_name" text,
	"district_id" uuid,
	"address" text,
	"location_hidden" boolean DEFAULT false NOT NULL,
	"days" jsonb NOT NULL,
	"schedule_note" text,
	"audiences" jsonb NOT NULL,
	"capacity" integer,
	"contact" text,
	"accessibility" text,
	"description" text,
	"tags" jsonb NOT NULL,
	"status" text NOT NULL,
	"proposed_by_agency_id" uuid,
	"review_reason" text,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "resource_activity_months" ADD CONSTRAINT "resource_activity_months_municipality_id_resource_id_resources_municipality_id_id_fk" FOREIGN KEY ("municipality_id","resource_id") REFERENCES "public"."resources"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_municipality_id_operator_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","operator_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_municipality_id_proposed_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","proposed_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resources_status_idx" ON "resources" USING btree ("municipality_id","status");