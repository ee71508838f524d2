CREATE TABLE "audit_log" (
	"municipality_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"basis" text,
	"ip" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_municipality_id_seq_pk" PRIMARY KEY("municipality_id","seq")
);
--> statement-breakpoint
CREATE TABLE "department_names" (
	"municipality_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	CONSTRAINT "department_names_municipality_id_department_id_valid_from_pk" PRIMARY KEY("municipality_id","department_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"merged_into_id" uuid,
	"abolished_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "departments_name_uq" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_attempts_key_pk" PRIMARY KEY("key")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"municipality_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_municipality_id_token_hash_pk" PRIMARY KEY("municipality_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_departments" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "user_departments_municipality_id_user_id_department_id_pk" PRIMARY KEY("municipality_id","user_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"login_id" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "users_login_uq" UNIQUE("municipality_id","login_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rounds_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "rounds_plan_year_uq" UNIQUE("municipality_id","plan_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "evaluation_sheets" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"previous_status" text,
	"target_first" text,
	"target_second" text,
	"results" text,
	"grade" text,
	"reason" text,
	"issues" text,
	"review_comment" text,
	"department_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "evaluation_sheets_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "sheets_round_item_uq" UNIQUE("municipality_id","round_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text,
	"plan_id" uuid,
	"report" jsonb NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "imports_sha_uq" UNIQUE("municipality_id","kind","sha256")
);
--> statement-breakpoint
CREATE TABLE "plan_item_departments" (
	"municipality_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_item_departments_municipality_id_item_id_department_id_pk" PRIMARY KEY("municipality_id","item_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "plan_item_placements" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"parent_item_id" uuid,
	"position" integer NOT NULL,
	"relisted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "plan_item_placements_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "placements_item_parent_uq" UNIQUE("municipality_id","item_id","parent_item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"summary" text,
	"is_new" boolean DEFAULT false NOT NULL,
	"is_priority" boolean DEFAULT false NOT NULL,
	"category" text,
	"plan_page" text,
	"constituent_plans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_items_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"start_fiscal_year" integer NOT NULL,
	"end_fiscal_year" integer NOT NULL,
	"level_names" jsonb NOT NULL,
	"grade_scale" jsonb NOT NULL,
	"constituent_plans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "department_names" ADD CONSTRAINT "department_names_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_municipality_id_merged_into_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","merged_into_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_departments" ADD CONSTRAINT "user_departments_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_departments" ADD CONSTRAINT "user_departments_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_municipality_id_round_id_evaluation_rounds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","round_id") REFERENCES "public"."evaluation_rounds"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD CONSTRAINT "evaluation_sheets_municipality_id_updated_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","updated_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_departments" ADD CONSTRAINT "plan_item_departments_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_departments" ADD CONSTRAINT "plan_item_departments_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_placements" ADD CONSTRAINT "plan_item_placements_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_placements" ADD CONSTRAINT "plan_item_placements_municipality_id_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_placements" ADD CONSTRAINT "plan_item_placements_municipality_id_parent_item_id_plan_items_municipality_id_id_fk" FOREIGN KEY ("municipality_id","parent_item_id") REFERENCES "public"."plan_items"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("municipality_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "sessions_token_idx" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sheets_plan_year_idx" ON "evaluation_sheets" USING btree ("municipality_id","plan_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "item_departments_dept_idx" ON "plan_item_departments" USING btree ("municipality_id","department_id");--> statement-breakpoint
CREATE INDEX "placements_plan_idx" ON "plan_item_placements" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("municipality_id","plan_id");