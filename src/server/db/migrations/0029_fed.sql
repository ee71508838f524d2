CREATE TABLE "indicator_frozen_feeds" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"measure_key" text NOT NULL,
	"breakdown_row" text,
	"agency_id" uuid,
	"district_id" uuid,
	"label" text NOT NULL,
	"definition" text NOT NULL,
	"filter_label" text NOT NULL,
	"counts" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicator_frozen_feeds_municipality_id_indicator_id_fiscal_year_pk" PRIMARY KEY("municipality_id","indicator_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "indicator_measure_links" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measure_key" text NOT NULL,
	"breakdown_row" text,
	"agency_id" uuid,
	"district_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_measure_links_municipality_id_indicator_id_pk" PRIMARY KEY("municipality_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD COLUMN "fed" jsonb;--> statement-breakpoint
ALTER TABLE "indicator_frozen_feeds" ADD CONSTRAINT "indicator_frozen_feeds_municipality_id_indicator_id_indicators_municipality_id_id_fk" FOREIGN KEY ("municipality_id","indicator_id") REFERENCES "public"."indicators"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure_links" ADD CONSTRAINT "indicator_measure_links_municipality_id_indicator_id_indicators_municipality_id_id_fk" FOREIGN KEY ("municipality_id","indicator_id") REFERENCES "public"."indicators"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure_links" ADD CONSTRAINT "indicator_measure_links_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure_links" ADD CONSTRAINT "indicator_measure_links_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measure_links" ADD CONSTRAINT "indicator_measure_links_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;