import { stores, type Database } from '@kds/db';
import { sql } from 'drizzle-orm';

/** Stores set to take payment online (online or both): what a server without Stripe cannot serve. */
export async function onlinePaymentStores(db: Database): Promise<string[]> {
  const rows = await db
    .select({ slug: stores.slug })
    .from(stores)
    .where(sql`${stores.settings}->>'paymentMode' <> 'counter'`);
  return rows.map((r) => r.slug);
}
