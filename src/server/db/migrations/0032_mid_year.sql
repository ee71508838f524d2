CREATE TABLE "mid_year_rounds" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "mid_year_rounds_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "mid_year_rounds_plan_year_uq" UNIQUE("municipality_id","plan_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "mid_year_sheets" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" text,
	"issues" text,
	"second_half_plan" text,
	"indicator_actuals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_comment" text,
	"department_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "mid_year_sheets_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "mid_year_sheets_round_item_uq" UNIQUE("municipality_id","round_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "mid_year_rounds" ADD CONSTRAINT "mid_year_rounds_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mid_year_rounds" ADD CONSTRAINT "mid_year_rounds_municipality_id_closed_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","closed_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mid_year_sheets" ADD CONSTRAINT "mid_year_sheets_municipality_id_round_id_mid_year_rounds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","round_id") REFERENCES "public"."mid_year_rounds"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mid_year_sheets" ADD CONSTRAINT "mid_year_sheets_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mid_year_sheets" ADD CONSTRAINT "mid_year_sheets_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mid_year_sheets" ADD CONSTRAINT "mid_year_sheets_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mid_year_sheets_plan_year_idx" ON "mid_year_sheets" USING btree ("municipality_id","plan_id","fiscal_year");