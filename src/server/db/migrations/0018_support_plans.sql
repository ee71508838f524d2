CREATE TABLE "case_closures" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"reason" text NOT NULL,
	"reason_note" text,
	"evaluation" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_closures_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "case_closures_case_uq" UNIQUE("municipality_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "support_plan_goals" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"order" integer NOT NULL,
	"term" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "support_plan_goals_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plan_monitorings" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"progress" jsonb NOT NULL,
	"next_review_on" date,
	"note" text,
	"is_final" boolean NOT NULL,
	"recorded_by" uuid,
	"recorded_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_plan_monitorings_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plan_tasks" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"order" integer NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"due_on" date,
	"response" text NOT NULL,
	"reason" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"done_on" date,
	CONSTRAINT "support_plan_tasks_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"wishes" text NOT NULL,
	"approved_on" date,
	"approved_meeting_id" uuid,
	"approved_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_plans_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "support_plans_number_uq" UNIQUE("municipality_id","case_id","number")
);
--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_municipality_id_recorded_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recorded_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_goals" ADD CONSTRAINT "support_plan_goals_municipality_id_plan_id_support_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."support_plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_monitorings" ADD CONSTRAINT "support_plan_monitorings_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_monitorings" ADD CONSTRAINT "support_plan_monitorings_municipality_id_plan_id_support_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."support_plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_monitorings" ADD CONSTRAINT "support_plan_monitorings_municipality_id_recorded_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recorded_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_tasks" ADD CONSTRAINT "support_plan_tasks_municipality_id_plan_id_support_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."support_plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_tasks" ADD CONSTRAINT "support_plan_tasks_municipality_id_goal_id_support_plan_goals_municipality_id_id_fk" FOREIGN KEY ("municipality_id","goal_id") REFERENCES "public"."support_plan_goals"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_tasks" ADD CONSTRAINT "support_plan_tasks_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_plan_goals_plan_idx" ON "support_plan_goals" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "support_plan_monitorings_case_idx" ON "support_plan_monitorings" USING btree ("municipality_id","case_id","held_on");--> statement-breakpoint
CREATE INDEX "support_plan_tasks_plan_idx" ON "support_plan_tasks" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE INDEX "support_plan_tasks_agency_idx" ON "support_plan_tasks" USING btree ("municipality_id","agency_id");