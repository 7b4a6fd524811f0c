ALTER TABLE "stores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "printers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "menu_categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "menu_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "modifier_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "modifiers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "discount_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "discount_redemptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "order_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "order_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "order_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "staff_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "staff_memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "devices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "store_slug_aliases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_times" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "store_isolation" ON "stores" AS PERMISSIVE FOR ALL TO public USING ("stores"."id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("stores"."id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "printers" AS PERMISSIVE FOR ALL TO public USING ("printers"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("printers"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "stations" AS PERMISSIVE FOR ALL TO public USING ("stations"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("stations"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "menu_categories" AS PERMISSIVE FOR ALL TO public USING ("menu_categories"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("menu_categories"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "menu_items" AS PERMISSIVE FOR ALL TO public USING ("menu_items"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("menu_items"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "modifier_groups" AS PERMISSIVE FOR ALL TO public USING ("modifier_groups"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("modifier_groups"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "modifiers" AS PERMISSIVE FOR ALL TO public USING ("modifiers"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("modifiers"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "discount_codes" AS PERMISSIVE FOR ALL TO public USING ("discount_codes"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("discount_codes"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "discount_redemptions" AS PERMISSIVE FOR ALL TO public USING ("discount_redemptions"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("discount_redemptions"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "order_counters" AS PERMISSIVE FOR ALL TO public USING ("order_counters"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("order_counters"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "order_items" AS PERMISSIVE FOR ALL TO public USING ("order_items"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("order_items"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "orders" AS PERMISSIVE FOR ALL TO public USING ("orders"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("orders"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "order_events" AS PERMISSIVE FOR ALL TO public USING ("order_events"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("order_events"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "payments" AS PERMISSIVE FOR ALL TO public USING ("payments"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("payments"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "outbox" AS PERMISSIVE FOR ALL TO public USING ("outbox"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("outbox"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "webhook_endpoints" AS PERMISSIVE FOR ALL TO public USING ("webhook_endpoints"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("webhook_endpoints"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "sessions" AS PERMISSIVE FOR ALL TO public USING ("sessions"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("sessions"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "staff_invitations" AS PERMISSIVE FOR ALL TO public USING ("staff_invitations"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("staff_invitations"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "staff_memberships" AS PERMISSIVE FOR ALL TO public USING ("staff_memberships"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("staff_memberships"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "devices" AS PERMISSIVE FOR ALL TO public USING ("devices"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("devices"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "audit_log" AS PERMISSIVE FOR ALL TO public USING ("audit_log"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("audit_log"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "store_slug_aliases" AS PERMISSIVE FOR ALL TO public USING ("store_slug_aliases"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("store_slug_aliases"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "report_schedules" AS PERMISSIVE FOR ALL TO public USING ("report_schedules"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("report_schedules"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "api_keys" AS PERMISSIVE FOR ALL TO public USING ("api_keys"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("api_keys"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "store_isolation" ON "ticket_times" AS PERMISSIVE FOR ALL TO public USING ("ticket_times"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid) WITH CHECK ("ticket_times"."store_id" = nullif(current_setting('kds.store_id', true), '')::uuid);
