ALTER TABLE "evaluation_rounds" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "closed_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "reopened_by" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_sheets" ADD COLUMN "not_evaluated_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_municipality_id_closed_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","closed_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_municipality_id_reopened_by_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","reopened_by") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_municipality_id_closed_revision_id_plan_revisions_municipality_id_id_fk" FOREIGN KEY ("municipality_id","closed_revision_id") REFERENCES "public"."plan_revisions"("municipality_id","id") ON DELETE no action ON UPDATE no action;