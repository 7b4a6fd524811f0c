import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { discountCodes, orderCounters, orderItems, orders, type Order, type Store } from '@kds/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { appendEvents } from '../../events/append-events.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { withTransaction } from '../transaction.ts';
import { deliveryProblems } from './delivery.ts';
import { findStoreBySlug, totalsOf } from './internal.ts';
import { priceOrder, type Totals } from './pricing.ts';
import type { PlaceOrderInput } from './schemas.ts';
import type { OrderStatus } from './state-machine.ts';
import { queuePaidMessages } from '../notifications/order-messages.ts';
import { startCheckout } from '../payments/start-checkout.ts';
import { pickupCodeFor, pickupCodeHash } from './pickup-code.ts';
import { toTicket } from './ticket-view.ts';

export interface PlaceOrderResult {
  orderId: string;
  number: number;
  trackingToken: string;
  status: OrderStatus;
  totals: Totals;
  /** Where to pay, for online payment (set once the payments gateway is wired). */
  checkoutUrl: string | null;
}

/** Thrown inside the transaction to roll it back when a concurrent twin already committed. */
class DuplicateRequest extends Error {}

export async function placeOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PlaceOrderInput;
}): Promise<PlaceOrderResult> {
  const store = await findStoreBySlug(ctx.db, input.storeSlug);
  const requestHash = fingerprint(input);
  const earlier = await findByKey(ctx, store.id, input.idempotencyKey);
  if (earlier) return withCheckout(ctx, replay(earlier, requestHash));
  const method = paymentMethodFor(store, input.payment, ctx.payments !== null);
  const delivery = await deliveryProblems(ctx, store, input.fulfilment);
  if (delivery.length > 0) {
    throw new ValidationError('the order cannot be placed as it is', { problems: delivery });
  }

  try {
    const placed = await withTransaction(ctx, async (tx) => {
      const now = ctx.now();
      const businessDate = businessDateOf(now, store.timezone);
      // The counter row lock comes first: it serializes placements per store and day, so the
      // slot-capacity check inside pricing cannot be passed by two orders at once.
      const [counter] = await tx.tx
        .insert(orderCounters)
        .values({ storeId: store.id, businessDate, lastNumber: 1 })
        .onConflictDoUpdate({
          target: [orderCounters.storeId, orderCounters.businessDate],
          set: { lastNumber: sql`${orderCounters.lastNumber} + 1` },
        })
        .returning();
      const priced = await priceOrder(tx.tx, store, input, { now, lock: true });
      if (priced.problems.length > 0) {
        throw new ValidationError('the order cannot be placed as it is', {
          problems: priced.problems,
        });
      }
      const atCounter = method === 'counter';
      // The id is chosen here so the pickup code (derived from it) can be checked later.
      const orderId = randomUUID();
      const pickupCode = pickupCodeFor(ctx.config.pickupPepper, orderId);
      const [order] = await tx.tx
        .insert(orders)
        .values({
          id: orderId,
          pickupCodeHash: pickupCodeHash(ctx.config.pickupPepper, orderId, pickupCode),
          storeId: store.id,
          number: counter?.lastNumber ?? 1,
          businessDate,
          trackingToken: randomBytes(16).toString('base64url'),
          status: atCounter ? 'PLACED' : 'PENDING_PAYMENT',
          paymentStatus: atCounter ? 'at_counter' : 'unpaid',
          paymentMethod: method,
          fulfilment: input.fulfilment.type,
          tableLabel: input.fulfilment.type === 'dine_in' ? input.fulfilment.table : null,
          deliveryAddress: input.fulfilment.type === 'delivery' ? input.fulfilment.address : null,
          deliveryPostcode: input.fulfilment.type === 'delivery' ? input.fulfilment.postcode : null,
          customerName: input.customer.name,
          customerPhone: input.customer.phone ?? null,
          customerEmail: input.customer.email ?? null,
          smsConsent: input.customer.smsConsent && !!input.customer.phone,
          callConsent: input.customer.callConsent && !!input.customer.phone,
          emailConsent: input.customer.emailConsent && !!input.customer.email,
          notes: input.notes,
          fireAt: input.fireAt ? new Date(input.fireAt) : null,
          ...priced.totals,
          costCents: priced.costCents,
          discountCodeId: priced.discountCodeId,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          placedAt: atCounter ? now : null,
          paymentExpiresAt: atCounter
            ? null
            : new Date(now.getTime() + store.settings.paymentExpiryMinutes * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [orders.storeId, orders.idempotencyKey] })
        .returning();
      if (!order) throw new DuplicateRequest();

      const items = await tx.tx
        .insert(orderItems)
        .values(
          priced.lines.map((line, position) => ({
            ...line,
            orderId: order.id,
            storeId: store.id,
            position,
          })),
        )
        .returning();
      if (priced.discountCodeId) await useDiscount(tx.tx, priced.discountCodeId);
      if (atCounter) await queuePaidMessages(tx, store, order);

      await appendEvents(tx, store.id, [
        atCounter
          ? { type: 'order.placed', orderId: order.id, payload: { ticket: toTicket(order, items) } }
          : {
              type: 'order.created',
              orderId: order.id,
              payload: { status: order.status, number: order.number, version: order.version },
            },
      ]);
      return result(order);
    });
    return await withCheckout(ctx, placed);
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const twin = await findByKey(ctx, store.id, input.idempotencyKey);
    if (!twin) throw error;
    return withCheckout(ctx, replay(twin, requestHash));
  }
}

/**
 * An order waiting for online payment gets its hosted checkout after it has committed. If the
 * provider fails now, the order still exists and the tracker's "Pay now" tries again.
 */
async function withCheckout(
  ctx: DomainContext,
  placed: PlaceOrderResult,
): Promise<PlaceOrderResult> {
  if (placed.status !== 'PENDING_PAYMENT') return placed;
  const checkoutUrl = await startCheckout(ctx, placed.orderId).catch(() => null);
  return { ...placed, checkoutUrl };
}

function paymentMethodFor(
  store: Store,
  asked: 'online' | 'counter' | undefined,
  canPayOnline: boolean,
) {
  const mode = store.settings.paymentMode;
  const method = asked ?? (mode === 'counter' || !canPayOnline ? 'counter' : 'online');
  // No payment provider (production without Stripe): an online order would wait for a payment
  // that can never come, so it is refused rather than left hanging.
  if (method === 'online' && !canPayOnline) {
    throw new ValidationError('online payment is not available right now; pay at the counter', {
      problems: [{ path: ['payment'], code: 'PAYMENT_METHOD_UNAVAILABLE' }],
    });
  }
  if (mode !== 'both' && method !== mode) {
    throw new ValidationError(
      mode === 'online'
        ? 'this store takes payment online only'
        : 'this store takes payment at the counter only',
      { problems: [{ path: ['payment'], code: 'PAYMENT_METHOD_UNAVAILABLE' }] },
    );
  }
  return method;
}

async function useDiscount(tx: Parameters<typeof priceOrder>[0], id: string) {
  const used = await tx
    .update(discountCodes)
    .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
    .where(
      and(
        eq(discountCodes.id, id),
        or(isNull(discountCodes.maxUses), lt(discountCodes.timesUsed, discountCodes.maxUses)),
      ),
    )
    .returning({ id: discountCodes.id });
  if (used.length === 0) {
    throw new ValidationError('this code has just been used up', {
      problems: [{ path: ['discountCode'], code: 'DISCOUNT_INVALID' }],
    });
  }
}

async function findByKey(ctx: DomainContext, storeId: string, key: string) {
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.idempotencyKey, key)));
  return order;
}

function replay(order: Order, requestHash: string): PlaceOrderResult {
  if (order.requestHash !== requestHash) {
    throw new ConflictError('this idempotency key was already used for a different order');
  }
  return result(order);
}

function result(order: Order): PlaceOrderResult {
  return {
    orderId: order.id,
    number: order.number,
    trackingToken: order.trackingToken,
    status: order.status,
    totals: totalsOf(order),
    checkoutUrl: null,
  };
}

function fingerprint(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** The calendar date in the store's time zone: order numbers restart each business day. */
export function businessDateOf(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one: one per zone, kept.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
