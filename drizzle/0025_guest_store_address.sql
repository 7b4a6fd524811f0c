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
