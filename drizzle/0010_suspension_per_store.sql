-- A deactivated account was shut out of every store; a store now suspends only its own
-- membership. Accounts deactivated before this migration stay shut out: every membership is
-- suspended.
UPDATE "staff_memberships" SET "suspended_at" = now()
WHERE "staff_id" IN (SELECT "id" FROM "staff" WHERE "is_active" = false);--> statement-breakpoint
ALTER TABLE "staff" DROP COLUMN "is_active";
