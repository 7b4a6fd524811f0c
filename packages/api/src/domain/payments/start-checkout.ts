import { translatorFor } from '@kds/i18n';
import { orderItems, orders, payments, stores, type Order, type OrderItem } from '@kds/db';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import { inStore } from '../transaction.ts';
import { NotFoundError } from '../errors.ts';
import type { CheckoutLine } from './ports.ts';
import { guestLanguageOf } from '../stores/languages.ts';

/** Stripe refuses sessions that expire sooner than this, or later than a day. */
const MIN_SESSION_MS = 31 * 60_000;
const MAX_SESSION_MS = 24 * 3600_000 - 60_000;

/**
 * A hosted checkout for an order waiting for payment: the open session if there is one, else a
 * new one priced from the order as stored (never from the client). Null when no payment
 * provider is configured. Runs outside any transaction: a slow provider holds no lock.
 */
export async function startCheckout(
  ctx: DomainContext,
  storeId: string,
  orderId: string,
): Promise<string | null> {
  const provider = ctx.payments;
  if (!provider) return null;
  const now = ctx.now();
  const found = await inStore(ctx, storeId, (tx) => checkoutOf(tx, orderId, now), {
    accessMode: 'read only',
  });
  if ('url' in found) return found.url ?? null;
  const { order, store, items } = found;

  const language = guestLanguageOf(store, order);
  const lines = checkoutLines(order, items, translatorFor(language, 'server'));
  const expiresAt = sessionExpiry(order, now);
  const tracker = `${ctx.config.publicUrl}/track/${order.trackingToken}`;
  const session = await provider.createCheckoutSession({
    orderId: order.id,
    orderNumber: order.number,
    currency: store.currency.toLowerCase(),
    language,
    lines,
    successUrl: `${tracker}?paid=1`,
    cancelUrl: `${tracker}?canceled=1`,
    expiresAt,
    metadata: { orderId: order.id, storeId: store.id, orderNumber: String(order.number) },
  });
  await inStore(ctx, storeId, ({ db }) =>
    db.insert(payments).values({
      storeId: store.id,
      orderId: order.id,
      provider: 'stripe',
      providerRef: session.id,
      status: 'pending',
      amountCents: order.totalCents,
      currency: store.currency,
      checkoutUrl: session.url,
      expiresAt,
    }),
  );
  return session.url;
}

/** The open session's address, or what a new one is made of: the order, its store, its lines. */
async function checkoutOf(ctx: TxContext, orderId: string, now: Date) {
  const [open] = await ctx.db
    .select({ url: payments.checkoutUrl })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.status, 'pending'),
        gt(payments.expiresAt, now),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (open?.url) return { url: open.url };
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new NotFoundError('order');
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, order.storeId));
  if (!store) throw new NotFoundError('store');
  const items = await ctx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.position));
  return { order, store, items };
}

/**
 * Item lines, tax and tip add up to the total; a discount cannot be a negative line, so a
 * discounted order is one line for its total. Named in the guest's language.
 */
function checkoutLines(
  order: Order,
  items: OrderItem[],
  t: ReturnType<typeof translatorFor<'server'>>,
): CheckoutLine[] {
  if (order.discountCents > 0) {
    const name = t('checkout.order', { number: order.number });
    return [{ name, quantity: 1, unitAmountCents: order.totalCents }];
  }
  const lines: CheckoutLine[] = items.map((i) => ({
    name: i.name,
    quantity: i.quantity,
    unitAmountCents: i.unitPriceCents,
  }));
  if (order.taxCents > 0) {
    lines.push({ name: t('checkout.tax'), quantity: 1, unitAmountCents: order.taxCents });
  }
  if (order.tipCents > 0) {
    lines.push({ name: t('checkout.tip'), quantity: 1, unitAmountCents: order.tipCents });
  }
  return lines;
}

/**
 * A payment link may outlive a session (48 hours against Stripe's 24): the session ends
 * sooner, and opening the order's page after that starts a fresh one for the same order.
 */
function sessionExpiry(order: Order, now: Date): Date {
  const at = Math.max(order.paymentExpiresAt?.getTime() ?? 0, now.getTime() + MIN_SESSION_MS);
  return new Date(Math.min(at, now.getTime() + MAX_SESSION_MS));
}
