CREATE TABLE "committee_members" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"term_from" date NOT NULL,
	"term_to" date,
	CONSTRAINT "committee_members_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "committee_members_uq" UNIQUE("municipality_id","committee_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "committee_opinions" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"response" text,
	"response_status" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_opinions_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"marks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committees_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "committees_plan_name_uq" UNIQUE("municipality_id","plan_id","name")
);
--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_municipality_id_committee_id_committees_municipality_id_id_fk" FOREIGN KEY ("municipality_id","committee_id") REFERENCES "public"."committees"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinions" ADD CONSTRAINT "committee_opinions_municipality_id_committee_id_committees_municipality_id_id_fk" FOREIGN KEY ("municipality_id","committee_id") REFERENCES "public"."committees"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinions" ADD CONSTRAINT "committee_opinions_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinions" ADD CONSTRAINT "committee_opinions_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinions" ADD CONSTRAINT "committee_opinions_municipality_id_author_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","author_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_opinions" ADD CONSTRAINT "committee_opinions_municipality_id_responded_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","responded_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_members_user_idx" ON "committee_members" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE INDEX "committee_opinions_year_idx" ON "committee_opinions" USING btree ("municipality_id","plan_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "committee_opinions_item_idx" ON "committee_opinions" USING btree ("municipality_id","item_id");