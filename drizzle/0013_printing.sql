CREATE TYPE "public"."print_mode" AS ENUM('never', 'always', 'fallback');--> statement-breakpoint
ALTER TYPE "public"."outbox_channel" ADD VALUE 'print';--> statement-breakpoint
CREATE TABLE "printers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"port" integer DEFAULT 9100 NOT NULL,
	"chars_per_line" integer DEFAULT 42 NOT NULL,
	"receipts" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "printers_storeId_name_unique" UNIQUE("store_id","name"),
	CONSTRAINT "printers_port_raw" CHECK ("printers"."port" between 9100 and 9109),
	CONSTRAINT "printers_cpl" CHECK ("printers"."chars_per_line" between 24 and 64)
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "printer_id" uuid;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "print_mode" "print_mode" DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "printed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "printers" ADD CONSTRAINT "printers_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "printers_store_id_index" ON "printers" USING btree ("store_id");--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_printer_id_printers_id_fk" FOREIGN KEY ("printer_id") REFERENCES "public"."printers"("id") ON DELETE set null ON UPDATE no action;