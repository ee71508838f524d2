CREATE TABLE "agencies" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"is_coordinator" boolean DEFAULT false NOT NULL,
	"department_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "agencies_name_uq" UNIQUE("municipality_id","name")
);
--> statement-breakpoint
CREATE TABLE "person_links" (
	"municipality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_links_municipality_id_person_id_other_person_id_pk" PRIMARY KEY("municipality_id","person_id","other_person_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name_kanji" text,
	"name_kana" text NOT NULL,
	"kana_key" text NOT NULL,
	"date_of_birth" text,
	"address" text,
	"phone" text,
	"created_by_agency_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"municipality_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid,
	"agency_id" uuid,
	"reason" text,
	CONSTRAINT "referral_events_municipality_id_referral_id_seq_pk" PRIMARY KEY("municipality_id","referral_id","seq")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"to_agency_id" uuid,
	"concerns" jsonb NOT NULL,
	"observed" text NOT NULL,
	"urgency" text NOT NULL,
	"consent" text NOT NULL,
	"consent_date" text,
	"consent_method" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"due_date" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "agency_id" uuid;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_municipality_id_department_id_departments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."departments"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_municipality_id_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_municipality_id_other_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","other_person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_municipality_id_created_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","created_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_municipality_id_referral_id_referrals_municipality_id_id_fk" FOREIGN KEY ("municipality_id","referral_id") REFERENCES "public"."referrals"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_municipality_id_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_municipality_id_from_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","from_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_municipality_id_to_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","to_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_kana_key_idx" ON "persons" USING btree ("municipality_id","kana_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_dob_idx" ON "persons" USING btree ("municipality_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("municipality_id","to_agency_id");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("municipality_id","from_agency_id");--> statement-breakpoint
CREATE INDEX "referrals_due_idx" ON "referrals" USING btree ("municipality_id","due_date");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;