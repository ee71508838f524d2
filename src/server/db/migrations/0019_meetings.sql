CREATE TABLE "case_support_decisions" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_support_decisions_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "case_support_decisions_case_uq" UNIQUE("municipality_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "districts_name_uq" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"subject_id" uuid,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_decisions_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_kinds" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_kinds_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "meeting_kinds_name_uq" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "meeting_members" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"agency_id" uuid,
	"expert_name" text,
	"expert_affiliation" text,
	"expert_role" text,
	"pledged_on" date,
	"pledge_recorded_by" uuid,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"left_by" uuid,
	CONSTRAINT "meeting_members_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_subjects" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid,
	"person_id" uuid NOT NULL,
	"consent_id" uuid,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "meeting_subjects_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text,
	"district_id" uuid,
	"secretariat_agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"minutes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_support_decisions" ADD CONSTRAINT "case_support_decisions_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_support_decisions" ADD CONSTRAINT "case_support_decisions_municipality_id_recorded_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recorded_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_municipality_id_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_municipality_id_subject_id_meeting_subjects_municipality_id_id_fk" FOREIGN KEY ("municipality_id","subject_id") REFERENCES "public"."meeting_subjects"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_members" ADD CONSTRAINT "meeting_members_municipality_id_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_members" ADD CONSTRAINT "meeting_members_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_members" ADD CONSTRAINT "meeting_members_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_subjects" ADD CONSTRAINT "meeting_subjects_municipality_id_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_subjects" ADD CONSTRAINT "meeting_subjects_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_subjects" ADD CONSTRAINT "meeting_subjects_municipality_id_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_subjects" ADD CONSTRAINT "meeting_subjects_municipality_id_consent_id_consents_municipality_id_id_fk" FOREIGN KEY ("municipality_id","consent_id") REFERENCES "public"."consents"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_municipality_id_kind_id_meeting_kinds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","kind_id") REFERENCES "public"."meeting_kinds"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_municipality_id_secretariat_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","secretariat_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_members_meeting_idx" ON "meeting_members" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_members_user_idx" ON "meeting_members" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_subjects_meeting_idx" ON "meeting_subjects" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_subjects_person_idx" ON "meeting_subjects" USING btree ("municipality_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_subjects_case_idx" ON "meeting_subjects" USING btree ("municipality_id","case_id");--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("municipality_id","held_on");--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_municipality_id_approved_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","approved_meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE no action ON UPDATE no action;