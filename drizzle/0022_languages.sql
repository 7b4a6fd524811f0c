ALTER TABLE "stores" ADD COLUMN "locale" text DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "staff_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "guest_languages" text[] DEFAULT '{en}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_guest_languages_nonempty" CHECK (cardinality("stores"."guest_languages") > 0);