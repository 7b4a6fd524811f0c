CREATE TYPE "public"."order_source" AS ENUM('guest', 'staff', 'api');--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source" "order_source" DEFAULT 'guest' NOT NULL;