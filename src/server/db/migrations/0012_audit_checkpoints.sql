CREATE TABLE "audit_checkpoints" (
	"municipality_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "audit_checkpoints_municipality_id_seq_at_pk" PRIMARY KEY("municipality_id","seq","at")
);
