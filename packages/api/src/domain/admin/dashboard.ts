import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { listScreenHealth } from '../devices/screen-health.ts';
import { NotFoundError } from '../errors.ts';
import {
  dayTotals,
  failedMessagesSince,
  failingWebhooks,
  flaggedPayments,
  openCounts,
} from './dashboard-queries.ts';
import { businessDateOf } from '../orders/business-date.ts';
import { inStore } from '../transaction.ts';

/**
 * What a manager needs at a glance: today's numbers, what is in the kitchen now, and what went
 * wrong (screens offline or behind, messages that failed, payments that need a look).
 */
export async function dashboard({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, manager.storeId));
    if (!store) throw new NotFoundError('store');
    const today = businessDateOf(ctx.now(), store.timezone);
    const dayAgo = new Date(ctx.now().getTime() - 24 * 3600_000);

    const [[day], [open], [failed], [flagged], screens, webhooks] = await Promise.all([
      dayTotals(tx.db, store.id, today),
      openCounts(tx.db, store.id),
      failedMessagesSince(tx.db, store.id, dayAgo),
      flaggedPayments(tx.db, store.id),
      listScreenHealth({ ctx: tx }),
      failingWebhooks(tx.db, store.id),
    ]);
    return {
      store: { id: store.id, name: store.name, timezone: store.timezone, currency: store.currency },
      businessDate: today,
      today: {
        orders: day?.orders ?? 0,
        revenueCents: day?.revenueCents ?? 0,
        canceled: day?.canceled ?? 0,
        avgReadySeconds:
          day?.avgReadySeconds === null ? null : Math.round(Number(day?.avgReadySeconds)),
      },
      open: { placed: open?.placed ?? 0, preparing: open?.preparing ?? 0, ready: open?.ready ?? 0 },
      alerts: {
        failedMessages: failed?.count ?? 0,
        flaggedPayments: flagged?.count ?? 0,
        screensNotLive: screens.filter((s) => s.state !== 'live').length,
        /** Integrations whose webhook keeps failing, by address: named, not just counted. */
        failingWebhooks: webhooks,
      },
      screens,
    };
  });
}
