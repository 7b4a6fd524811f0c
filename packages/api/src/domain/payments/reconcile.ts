import { orders, payments } from '@kds/db';
import { and, eq, gte, inArray } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { handleStripeEvent } from './handle-stripe-event.ts';
import { acrossStores, inStore } from '../transaction.ts';
import { recordAudit } from '../audit.ts';
import type { GatewaySession } from './ports.ts';

export interface Repair {
  orderId: string;
  sessionId: string;
  action: 'marked_paid' | 'flagged_unpaid_at_stripe';
}

/**
 * Compares recent Checkout Sessions at Stripe with our payments and repairs the difference: a
 * session paid at Stripe whose order still waits here is handled as if its webhook had come
 * (once: the handler is idempotent); a payment we hold as paid that Stripe does not is flagged
 * for a manager. Each repair is written to the audit log. `storeId` limits it to one store.
 */
export async function reconcilePayments(
  ctx: DomainContext,
  options: { since: Date; storeId?: string; staffId?: string | null },
): Promise<{ checked: number; repairs: Repair[] }> {
  if (!ctx.payments) return { checked: 0, repairs: [] };
  const sessions = await ctx.payments.recentSessions(options.since);
  const ours = await ourPayments(
    ctx,
    sessions.map((s) => s.id),
    options.since,
  );
  const repairs: Repair[] = [];
  for (const session of sessions) {
    const mine = ours.find((o) => o.payment.providerRef === session.id);
    if (!mine || (options.storeId && mine.order.storeId !== options.storeId)) continue;
    const action = await repair(ctx, session, mine);
    if (!action) continue;
    repairs.push({ orderId: mine.order.id, sessionId: session.id, action });
    await inStore(ctx, mine.order.storeId, ({ db }) =>
      recordAudit(
        db,
        { kind: 'system', storeId: mine.order.storeId, staffId: options.staffId ?? null },
        {
          action: `payment.reconciled.${action}`,
          entity: 'order',
          entityId: mine.order.id,
          after: { sessionId: session.id },
        },
      ),
    );
  }
  return { checked: sessions.length, repairs };
}

type Ours = Awaited<ReturnType<typeof ourPayments>>[number];

/** Our payments (with their orders) for these sessions, across stores. */
async function ourPayments(ctx: DomainContext, sessionIds: string[], since: Date) {
  if (sessionIds.length === 0) return [];
  return acrossStores(ctx, 'provider-webhook', ({ db }) =>
    db
      .select({ payment: payments, order: orders })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(
        and(
          eq(payments.provider, 'stripe'),
          inArray(payments.providerRef, sessionIds),
          gte(payments.createdAt, since),
        ),
      ),
  );
}

/** Repairs one difference between Stripe and us, if there is one; answers what it did. */
async function repair(
  ctx: DomainContext,
  session: GatewaySession,
  mine: Ours,
): Promise<Repair['action'] | null> {
  const paidThere = session.payment_status === 'paid';
  if (paidThere && mine.order.status === 'PENDING_PAYMENT') {
    const outcome = await handleStripeEvent(ctx, {
      id: `reconcile:${session.id}`,
      type: 'checkout.session.completed',
      data: { object: session },
    });
    return outcome === 'paid' ? 'marked_paid' : null;
  }
  if (!paidThere && mine.payment.status === 'paid' && mine.payment.flag !== 'unpaid_at_stripe') {
    await inStore(ctx, mine.order.storeId, ({ db }) =>
      db.update(payments).set({ flag: 'unpaid_at_stripe' }).where(eq(payments.id, mine.payment.id)),
    );
    return 'flagged_unpaid_at_stripe';
  }
  return null;
}

/** The manager action: the manager's own store, the last 24 hours. */
export async function reconcileForStore({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return reconcilePayments(ctx, {
    since: new Date(ctx.now().getTime() - 24 * 3600_000),
    storeId: manager.storeId,
    staffId: manager.staffId,
  });
}
