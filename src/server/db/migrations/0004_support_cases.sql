CREATE TABLE "case_assessments" (
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"agency_id" uuid NOT NULL,
	"sections" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assessments_municipality_id_case_id_version_pk" PRIMARY KEY("municipality_id","case_id","version")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"phase" text,
	"consent" text,
	"consent_date" text,
	"consent_method" text,
	"subject_agency_id" uuid,
	"reason" text,
	"by_user_id" uuid,
	"by_agency_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_municipality_id_case_id_seq_pk" PRIMARY KEY("municipality_id","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_records" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"visibility" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_records_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	CONSTRAINT "case_referrals_municipality_id_case_id_referral_id_pk" PRIMARY KEY("municipality_id","case_id","referral_id"),
	CONSTRAINT "case_referrals_referral_uq" UNIQUE("municipality_id","referral_id")
);
--> statement-breakpoint
CREATE TABLE "case_team" (
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_team_municipality_id_case_id_agency_id_pk" PRIMARY KEY("municipality_id","case_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"main_person_id" uuid NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"issues" jsonb NOT NULL,
	"phase" text NOT NULL,
	"consent" text NOT NULL,
	"consent_date" text,
	"consent_method" text,
	"opened_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"municipality_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_municipality_id_household_id_person_id_pk" PRIMARY KEY("municipality_id","household_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"address" text NOT NULL,
	"registered_by_agency_id" uuid NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_municipality_id_referral_id_referrals_municipality_id_id_fk" FOREIGN KEY ("municipality_id","referral_id") REFERENCES "public"."referrals"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team" ADD CONSTRAINT "case_team_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team" ADD CONSTRAINT "case_team_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_id_household_id_households_municipality_id_id_fk" FOREIGN KEY ("municipality_id","household_id") REFERENCES "public"."households"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_id_household_id_main_person_id_household_members_municipality_id_household_id_person_id_fk" FOREIGN KEY ("municipality_id","household_id","main_person_id") REFERENCES "public"."household_members"("municipality_id","household_id","person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_id_lead_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","lead_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_municipality_id_household_id_households_municipality_id_id_fk" FOREIGN KEY ("municipality_id","household_id") REFERENCES "public"."households"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_municipality_id_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_municipality_id_registered_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","registered_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_records_case_idx" ON "case_records" USING btree ("municipality_id","case_id","date");--> statement-breakpoint
CREATE INDEX "case_team_agency_idx" ON "case_team" USING btree ("municipality_id","agency_id");--> statement-breakpoint
CREATE INDEX "cases_household_idx" ON "cases" USING btree ("municipality_id","household_id");--> statement-breakpoint
CREATE INDEX "cases_phase_idx" ON "cases" USING btree ("municipality_id","phase");--> statement-breakpoint
CREATE INDEX "household_members_person_idx" ON "household_members" USING btree ("municipality_id","person_id");--> statement-breakpoint
CREATE INDEX "households_agency_idx" ON "households" USING btree ("municipality_id","registered_by_agency_id");