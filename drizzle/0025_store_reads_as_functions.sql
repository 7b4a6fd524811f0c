-- The store at a guest's address: the one read across stores that every guest makes (a guest
-- names a store by the slug in its address, and knows nothing else). It answers the store's id
-- only, by its current slug or else one it had before (QR codes printed before a rename keep
-- working; a store's current slug wins over another store's old one). The transaction then acts
-- for that store, and reads the store itself under row-level security. Only the server's role
-- may call it (crossStoreFunctions in packages/db/src/schema/tenancy.ts).
CREATE FUNCTION kds_store_id_at(slug text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT coalesce(
    (SELECT s.id FROM stores s WHERE s.slug = kds_store_id_at.slug),
    (SELECT a.store_id FROM store_slug_aliases a WHERE a.slug = kds_store_id_at.slug)
  )
$$;
--> statement-breakpoint

-- One store's event log after a cursor (all of it, or one order's): what every live stream
-- reads on each wake-up. One statement, with the store as its first and mandatory argument,
-- where a transaction that states the store would take four round trips on the hottest read
-- of all. Only the server's role may call it.
CREATE FUNCTION kds_store_events(store uuid, after_seq bigint, only_order uuid, max_rows integer)
RETURNS SETOF order_events
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT * FROM order_events e
  WHERE e.store_id = kds_store_events.store
    AND e.seq > kds_store_events.after_seq
    AND (kds_store_events.only_order IS NULL OR e.order_id = kds_store_events.only_order)
  ORDER BY e.seq
  LIMIT kds_store_events.max_rows
$$;
