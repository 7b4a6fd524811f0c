import { outbox, stores } from '@kds/db';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { ERASED } from './internal.ts';
import { acrossStores, inStore } from '../transaction.ts';

/**
 * Retention: message details older than the store's limit (default 90 days) lose who they went
 * to and what they carried, and calls their provider id and length; status and cost stay for
 * the reports.
 */
export async function applyRetention(ctx: DomainContext): Promise<number> {
  let scrubbed = 0;
  const all = await acrossStores(ctx, 'job-runner', ({ db }) => db.select().from(stores));
  for (const store of all) {
    const days = store.settings.retentionDays ?? 90;
    const cutoff = new Date(ctx.now().getTime() - days * 86_400_000);
    const rows = await inStore(ctx, store.id, ({ db }) =>
      db
        .update(outbox)
        .set({
          recipient: ERASED,
          payload: {},
          providerId: sql`case when ${outbox.channel} = 'call' then null else ${outbox.providerId} end`,
          durationSeconds: null,
        })
        .where(
          and(
            eq(outbox.storeId, store.id),
            lt(outbox.createdAt, cutoff),
            sql`${outbox.recipient} <> ${ERASED}`,
            inArray(outbox.status, ['sent', 'failed']),
          ),
        )
        .returning({ id: outbox.id }),
    );
    scrubbed += rows.length;
  }
  return scrubbed;
}
