CREATE TABLE "mfa_recovery_codes" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "mfa_recovery_codes_municipality_id_user_id_code_hash_pk" PRIMARY KEY("municipality_id","user_id","code_hash")
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "mfa_for_plan_side" text DEFAULT 'optional' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mfa_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mfa_pending_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mfa_last_step" bigint;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE no action ON UPDATE no action;