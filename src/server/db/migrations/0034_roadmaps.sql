CREATE TABLE "roadmap_months" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"month" text NOT NULL,
	"planned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"progress_planned" jsonb,
	"progress_method" jsonb,
	"actual" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slipped" boolean DEFAULT false NOT NULL,
	"slip_note" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_months_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "roadmap_months_month_uq" UNIQUE("municipality_id","roadmap_id","month")
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_id" uuid,
	"project_id" uuid,
	"title" text NOT NULL,
	"municipality_name" text,
	"current_point" text,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"streams" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"context" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmaps_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "roadmaps_item_year_uq" UNIQUE("municipality_id","item_id","fiscal_year"),
	CONSTRAINT "roadmaps_project_year_uq" UNIQUE("municipality_id","project_id","fiscal_year"),
	CONSTRAINT "roadmaps_one_owner" CHECK (num_nonnulls("roadmaps"."item_id", "roadmaps"."project_id") <= 1)
);
--> statement-breakpoint
ALTER TABLE "roadmap_months" ADD CONSTRAINT "roadmap_months_municipality_id_roadmap_id_roadmaps_municipality_id_id_fk" FOREIGN KEY ("municipality_id","roadmap_id") REFERENCES "public"."roadmaps"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_months" ADD CONSTRAINT "roadmap_months_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_municipality_id_project_id_programme_projects_municipality_id_id_fk" FOREIGN KEY ("municipality_id","project_id") REFERENCES "public"."programme_projects"("municipality_id","id") ON DELETE cascade ON UPDATE no action;