CREATE TABLE "consent_agencies" (
	"municipality_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "consent_agencies_municipality_id_consent_id_agency_id_pk" PRIMARY KEY("municipality_id","consent_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "consent_withdrawals" (
	"municipality_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"withdrawn_on" date NOT NULL,
	"reason" text,
	"recorded_by" uuid,
	"recorded_by_agency_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_withdrawals_municipality_id_consent_id_pk" PRIMARY KEY("municipality_id","consent_id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"referral_id" uuid,
	"scope" text NOT NULL,
	"given_on" date,
	"method" text NOT NULL,
	"method_note" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "consent_agencies" ADD CONSTRAINT "consent_agencies_municipality_id_consent_id_consents_municipality_id_id_fk" FOREIGN KEY ("municipality_id","consent_id") REFERENCES "public"."consents"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_agencies" ADD CONSTRAINT "consent_agencies_municipality_id_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_municipality_id_consent_id_consents_municipality_id_id_fk" FOREIGN KEY ("municipality_id","consent_id") REFERENCES "public"."consents"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_municipality_id_recorded_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recorded_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_municipality_id_person_id_persons_municipality_id_id_fk" FOREIGN KEY ("municipality_id","person_id") REFERENCES "public"."persons"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_municipality_id_case_id_cases_municipality_id_id_fk" FOREIGN KEY ("municipality_id","case_id") REFERENCES "public"."cases"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_municipality_id_referral_id_referrals_municipality_id_id_fk" FOREIGN KEY ("municipality_id","referral_id") REFERENCES "public"."referrals"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_municipality_id_recorded_by_agency_id_agencies_municipality_id_id_fk" FOREIGN KEY ("municipality_id","recorded_by_agency_id") REFERENCES "public"."agencies"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("municipality_id","person_id");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("municipality_id","case_id");
--> statement-breakpoint
/*
 * Consents recorded before this migration lived as fields of referrals and cases. They are carried over as consent
 * records, honestly:
 * - a referral with consent "given" becomes a consent naming its receiver (the agency it was sent to; when it was
 *   sent to the 多機関協働 coordinators, the municipality's coordinator agencies), for the referral's person, with
 *   the case the referral became, if any. Recorded by the referral's author, at the referral's creation.
 * - a case whose consent is "given" becomes a consent of scope "team" for its main person, recorded by whoever
 *   recorded that consent in the case history (its latest "given" event).
 * - a case whose consent is "withdrawn" becomes the consent of its latest "given" event and that consent's withdrawal
 *   (the withdrawal's day and who recorded it from the "withdrawn" event); a case that never recorded "given" has
 *   nothing to withdraw.
 * The method was free text: 書面 → written, 口頭 → oral, anything else → other with the text kept in method_note.
 * Not carried: a date that was never recorded stays null (given_on), consents of household members other than the
 * main person (they were never recorded), and a case's "not_given" / "unknown" (no consent, so no record: the
 * case history keeps them).
 */
INSERT INTO "consents" ("municipality_id", "person_id", "case_id", "referral_id", "scope", "given_on", "method", "method_note", "recorded_by", "created_at")
SELECT r."municipality_id", r."person_id", cr."case_id", r."id", 'agencies',
  CASE WHEN r."consent_date" ~ '^\d{4}-\d{2}-\d{2}$' THEN r."consent_date"::date END,
  CASE r."consent_method" WHEN '書面' THEN 'written' WHEN '口頭' THEN 'oral' ELSE 'other' END,
  CASE WHEN r."consent_method" IN ('書面', '口頭') THEN NULL ELSE r."consent_method" END,
  r."created_by", r."created_at"
FROM "referrals" r
LEFT JOIN "case_referrals" cr ON cr."municipality_id" = r."municipality_id" AND cr."referral_id" = r."id"
WHERE r."consent" = 'given';
--> statement-breakpoint
INSERT INTO "consent_agencies" ("municipality_id", "consent_id", "agency_id")
SELECT c."municipality_id", c."id", r."to_agency_id"
FROM "consents" c JOIN "referrals" r ON r."municipality_id" = c."municipality_id" AND r."id" = c."referral_id"
WHERE r."to_agency_id" IS NOT NULL
UNION
SELECT c."municipality_id", c."id", a."id"
FROM "consents" c
JOIN "referrals" r ON r."municipality_id" = c."municipality_id" AND r."id" = c."referral_id"
JOIN "agencies" a ON a."municipality_id" = c."municipality_id" AND a."is_coordinator"
WHERE r."to_agency_id" IS NULL;
--> statement-breakpoint
INSERT INTO "consents" ("municipality_id", "person_id", "case_id", "scope", "given_on", "method", "method_note", "recorded_by", "recorded_by_agency_id", "created_at")
SELECT k."municipality_id", k."main_person_id", k."id", 'team',
  CASE WHEN e."consent_date" ~ '^\d{4}-\d{2}-\d{2}$' THEN e."consent_date"::date END,
  CASE e."consent_method" WHEN '書面' THEN 'written' WHEN '口頭' THEN 'oral' ELSE 'other' END,
  CASE WHEN e."consent_method" IN ('書面', '口頭') THEN NULL ELSE e."consent_method" END,
  e."by_user_id", e."by_agency_id", e."at"
FROM "cases" k
JOIN LATERAL (
  SELECT * FROM "case_events" ev
  WHERE ev."municipality_id" = k."municipality_id" AND ev."case_id" = k."id" AND ev."consent" = 'given'
  ORDER BY ev."seq" DESC LIMIT 1
) e ON true
WHERE k."consent" IN ('given', 'withdrawn');
--> statement-breakpoint
INSERT INTO "consent_withdrawals" ("municipality_id", "consent_id", "withdrawn_on", "reason", "recorded_by", "recorded_by_agency_id", "recorded_at")
SELECT c."municipality_id", c."id",
  COALESCE(CASE WHEN w."consent_date" ~ '^\d{4}-\d{2}-\d{2}$' THEN w."consent_date"::date END, w."at"::date),
  w."reason", w."by_user_id", w."by_agency_id", w."at"
FROM "consents" c
JOIN "cases" k ON k."municipality_id" = c."municipality_id" AND k."id" = c."case_id"
JOIN LATERAL (
  SELECT * FROM "case_events" ev
  WHERE ev."municipality_id" = k."municipality_id" AND ev."case_id" = k."id" AND ev."consent" = 'withdrawn'
  ORDER BY ev."seq" DESC LIMIT 1
) w ON true
WHERE c."scope" = 'team' AND k."consent" = 'withdrawn';
