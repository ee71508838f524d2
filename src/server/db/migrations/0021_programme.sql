CREATE TABLE "programme_categories" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_categories_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "programme_categories_name_uq" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "programme_project_agencies" (
	"municipality_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "programme_project_agencies_municipality_id_project_id_agency_id_pk" PRIMARY KEY("municipality_id","project_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "programme_project_categories" (
	"municipality_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_project_categories_municipality_id_project_id_category_id_pk" PRIMARY KEY("municipality_id","project_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "programme_project_departments" (
	"municipality_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_project_departments_municipality_id_project_id_department_id_pk" PRIMARY KEY("municipality_id","project_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "programme_projects" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"integrated" boolean DEFAULT false NOT NULL,
	"unlinked_department_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_projects_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "programme_projects_number_uq" UNIQUE("municipality_id","number")
);
--> statement-breakpoint
ALTER TABLE "programme_categories" ADD CONSTRAINT "programme_categories_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_categories" ADD CONSTRAINT "programme_categories_municipality_id_parent_id_programme_categories_municipality_id_id_fk" FOREIGN KEY ("municipality_id","parent_id") REFERENCES "public"."programme_categories"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_agencies" ADD CONSTRAINT "programme_project_agencies_municipality_id_project_id_programme_projects_municipality_id_id_fk" FOREIGN KEY ("municipality_id","project_id") REFERENCES "public"."programme_projects"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_agencies" ADD CONSTRAINT "programme_project_agencies_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_categories" ADD CONSTRAINT "programme_project_categories_municipality_id_project_id_programme_projects_municipality_id_id_fk" FOREIGN KEY ("municipality_id","project_id") REFERENCES "public"."programme_projects"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_categories" ADD CONSTRAINT "programme_project_categories_municipality_id_category_id_programme_categories_municipality_id_id_fk" FOREIGN KEY ("municipality_id","category_id") REFERENCES "public"."programme_categories"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_departments" ADD CONSTRAINT "programme_project_departments_municipality_id_project_id_programme_projects_municipality_id_id_fk" FOREIGN KEY ("municipality_id","project_id") REFERENCES "public"."programme_projects"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_project_departments" ADD CONSTRAINT "programme_project_departments_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_projects" ADD CONSTRAINT "programme_projects_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_projects" ADD CONSTRAINT "programme_projects_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_project_agencies_agency_idx" ON "programme_project_agencies" USING btree ("municipality_id","agency_id");--> statement-breakpoint
CREATE INDEX "programme_project_categories_category_idx" ON "programme_project_categories" USING btree ("municipality_id","category_id");--> statement-breakpoint
CREATE INDEX "programme_project_departments_department_idx" ON "programme_project_departments" USING btree ("municipality_id","department_id");