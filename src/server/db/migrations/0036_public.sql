CREATE TABLE "publications" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fiscal_year" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"content" jsonb,
	"first_published_at" timestamp with time zone NOT NULL,
	"content_updated_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "publications_municipality_id_plan_id_kind_fiscal_year_unique" UNIQUE("municipality_id","plan_id","kind","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;