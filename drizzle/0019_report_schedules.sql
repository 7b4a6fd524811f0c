CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"weekday" integer,
	"send_at" text NOT NULL,
	"last_period" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_storeId_staffId_frequency_unique" UNIQUE("store_id","staff_id","frequency"),
	CONSTRAINT "report_schedules_send_at" CHECK ("report_schedules"."send_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "report_schedules_weekday" CHECK (("report_schedules"."frequency" = 'daily' and "report_schedules"."weekday" is null) or ("report_schedules"."frequency" = 'weekly' and "report_schedules"."weekday" between 0 and 6))
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;