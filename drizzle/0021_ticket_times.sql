CREATE TABLE "ticket_times" (
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"seconds" integer NOT NULL,
	CONSTRAINT "ticket_times_store_id_order_id_position_pk" PRIMARY KEY("store_id","order_id","position")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "ticket_times_kept" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_times" ADD CONSTRAINT "ticket_times_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_times" ADD CONSTRAINT "ticket_times_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_times_store_id_business_date_index" ON "ticket_times" USING btree ("store_id","business_date");--> statement-breakpoint
CREATE INDEX "orders_ticket_times_pending_idx" ON "orders" USING btree ("store_id") WHERE "orders"."status" = 'COMPLETED' and not "orders"."ticket_times_kept";