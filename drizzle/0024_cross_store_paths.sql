-- The reads that cross stores by design, one function each. They run as their owner (SECURITY
-- DEFINER), so row-level security does not hide other stores from them, and they answer only
-- what their one question needs. Only the server's role may call them (crossStoreFunctions in
-- packages/db/src/schema/tenancy.ts grants it after every migration run).

-- How many messages of one channel went (or are going) to one phone number or address since a
-- moment, in every store: the daily limit per recipient holds across stores.
CREATE FUNCTION kds_messages_sent_since(channel text, recipient text, since timestamptz)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT count(*)::integer FROM outbox o
  WHERE o.channel::text = kds_messages_sent_since.channel
    AND o.recipient = kds_messages_sent_since.recipient
    AND o.created_at > kds_messages_sent_since.since
    AND o.status <> 'canceled'
$$;
