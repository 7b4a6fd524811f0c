import { sql } from 'drizzle-orm';
import { executeRows, type Database } from '../client.ts';

/**
 * Appends `count` kitchen-visible events (ticket.prioritized, `padBytes` of padding each) to a
 * store's log in one transaction, taking their seqs from the store's sequence exactly as the
 * application does, then, after commit as the application does, NOTIFYs `channel` so every
 * instance's bus reads them. For fault and
 * load tests that need many or large events quickly; not a real flow (no order behind them).
 */

export async function appendSyntheticEvents(
  db: Database,
  options: { storeId: string; count: number; padBytes?: number; channel: string },
): Promise<{ firstSeq: number; lastSeq: number }> {
  const { storeId, count, channel } = options;
  const pad = 'x'.repeat(options.padBytes ?? 0);
  const appended = await db.transaction(async (tx) => {
    const rows = await executeRows<{ event_seq: number | string }>(
      tx,
      sql`update stores set event_seq = event_seq + ${count} where id = ${storeId} returning event_seq`,
    );
    const lastSeq = Number(rows[0]?.event_seq);
    const firstSeq = lastSeq - count + 1;
    await tx.execute(sql`
      insert into order_events (store_id, seq, type, actor_kind, payload, created_at)
      select ${storeId}, ${firstSeq - 1} + g, 'ticket.prioritized', 'staff',
        jsonb_build_object('priority', 1, 'version', 1, 'number', g, 'pad', ${pad}::text), now()
      from generate_series(1, ${count}::int) as g
    `);
    return { firstSeq, lastSeq };
  });
  await db.execute(sql`select pg_notify(${channel}, ${`${storeId}:${appended.lastSeq}`})`);
  return appended;
}
