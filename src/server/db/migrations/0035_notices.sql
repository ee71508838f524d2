CREATE TABLE "notices" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"occasion" text DEFAULT '' NOT NULL,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notices_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "notices_once_uq" UNIQUE("municipality_id","recipient_id","kind","subject_type","subject_id","occasion")
);
--> statement-breakpoint
CREATE TABLE "round_department_deadlines" (
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"submission_due" date NOT NULL,
	CONSTRAINT "round_department_deadlines_municipality_id_round_id_department_id_pk" PRIMARY KEY("municipality_id","round_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "submission_due" date;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "confirmation_due" date;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_municipality_id_recipient_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recipient_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_department_deadlines" ADD CONSTRAINT "round_department_deadlines_municipality_id_round_id_evaluation_rounds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","round_id") REFERENCES "public"."evaluation_rounds"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_department_deadlines" ADD CONSTRAINT "round_department_deadlines_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_recipient_idx" ON "notices" USING btree ("municipality_id","recipient_id","created_at");