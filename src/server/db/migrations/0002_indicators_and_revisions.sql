CREATE TABLE "indicator_actuals" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"value" numeric,
	"step" text,
	"text" text,
	"comment" text,
	"revision_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_actuals_municipality_id_indicator_id_fiscal_year_pk" PRIMARY KEY("municipality_id","indicator_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"comparator" text,
	"value" numeric,
	"unit" text,
	"step" text,
	"rank" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_municipality_id_indicator_id_fiscal_year_pk" PRIMARY KEY("municipality_id","indicator_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"baseline_source" text,
	"baseline_fiscal_year" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"based_on_revision_id" uuid,
	"snapshot" jsonb,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_revisions_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "revisions_plan_number_uq" UNIQUE("municipality_id","plan_id","number")
);
--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD COLUMN "grade_override_reason" text;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "major_measure" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "milestone_ladder" jsonb;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "evaluation_level" integer;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_municipality_id_indicator_id_indicators_municipality_id_id_fk" FOREIGN KEY ("municipality_id","indicator_id") REFERENCES "public"."indicators"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_municipality_id_indicator_id_indicators_municipality_id_id_fk" FOREIGN KEY ("municipality_id","indicator_id") REFERENCES "public"."indicators"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_plan_idx" ON "indicators" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "indicators_item_idx" ON "indicators" USING btree ("municipality_id","item_id");