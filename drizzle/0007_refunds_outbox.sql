ALTER TYPE "public"."outbox_channel" ADD VALUE 'refund';--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "payment_intent_id" text;