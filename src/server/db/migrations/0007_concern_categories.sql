CREATE TABLE "concern_categories" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concern_categories_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "concern_categories_label_uq" UNIQUE("municipality_id","label")
);
--> statement-breakpoint
ALTER TABLE "concern_categories" ADD CONSTRAINT "concern_categories_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;