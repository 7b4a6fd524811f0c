import type { Store } from '@kds/db';
import type { DomainContext, TxContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { startCheckout } from '../payments/start-checkout.ts';
import { inStore } from '../transaction.ts';
import { deliveryProblems } from './delivery.ts';
import { inStoreAt, storeAt } from '../stores/store-slug.ts';
import { paymentMethodFor } from './payment-method.ts';
import { DuplicateRequest, insertOrder, type Placement } from './insert-order.ts';
import { findByKey, fingerprint, replay, type PlaceOrderResult } from './placement-replay.ts';
import type { PlaceOrderInput } from './schemas.ts';
import { withInternationalPhone } from './phone.ts';

export type { PlaceOrderResult } from './placement-replay.ts';
export { businessDateOf } from './business-date.ts';
export type { Placement } from './insert-order.ts';

/** Runs a placement in a transaction acting for the order's store. */
type InTheStore = <T>(fn: (tx: TxContext, store: Store) => Promise<T>) => Promise<T>;

/** A guest's order from the QR menu or a kiosk. */
export async function placeOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PlaceOrderInput;
}): Promise<PlaceOrderResult> {
  const asGuest = (store: Store): Placement => ({
    method: paymentMethodFor(store, input.payment, ctx.payments !== null),
    source: 'guest',
  });
  // A delivery's address is checked before any transaction opens, so its store is read first.
  if (input.fulfilment.type === 'delivery') {
    return placeInStore(ctx, await storeAt(ctx, input.storeSlug), input, asGuest);
  }
  // Anything else is one transaction: the store at the guest's address, then the order.
  return place(ctx, (fn) => inStoreAt(ctx, input.storeSlug, fn), input, asGuest);
}

/**
 * Places an order with the guest's rules (menu, pricing, pacing, delivery area), whoever keys
 * it in. A repeated idempotency key returns the order it made before anything is decided.
 */
export async function placeInStore(
  ctx: DomainContext,
  store: Store,
  input: PlaceOrderInput,
  decide: (store: Store) => Placement,
): Promise<PlaceOrderResult> {
  if (input.fulfilment.type === 'delivery') {
    // Geocoded outside any transaction (a slow geocoder never holds a lock), unless a retry.
    const normal = withInternationalPhone(store, input);
    const earlier = await inStore(ctx, store.id, (tx) => earlierTry(tx, store.id, normal));
    if (earlier) return withCheckout(ctx, store.id, earlier);
    const problems = await deliveryProblems(ctx, store, input.fulfilment);
    if (problems.length > 0) {
      throw new ValidationError({ key: 'orders.cannotPlace' }, { problems });
    }
  }
  return place(ctx, (fn) => inStore(ctx, store.id, (tx) => fn(tx, store)), input, decide);
}

/** In the store's transaction: the order an earlier try with the same key placed, or a new one. */
async function place(
  ctx: DomainContext,
  inTheStore: InTheStore,
  input: PlaceOrderInput,
  decide: (store: Store) => Placement,
): Promise<PlaceOrderResult> {
  try {
    const { placed, storeId, linkSent } = await inTheStore(async (tx, store) => {
      const normal = withInternationalPhone(store, input);
      const earlier = await earlierTry(tx, store.id, normal);
      if (earlier) return { placed: earlier, storeId: store.id, linkSent: false };
      const placement = decide(store);
      const placed = await insertOrder(tx, store, normal, placement);
      return { placed, storeId: store.id, linkSent: Boolean(placement.sendLinkBy) };
    });
    return linkSent ? placed : await withCheckout(ctx, storeId, placed);
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const { store } = error;
    const normal = withInternationalPhone(store, input);
    const twin = await inStore(ctx, store.id, (tx) => earlierTry(tx, store.id, normal));
    if (!twin) throw error;
    return withCheckout(ctx, store.id, twin);
  }
}

/**
 * What an earlier request with this key placed, if it asked for the same order (else refused);
 * `input` as it is placed (its phone international).
 */
async function earlierTry(tx: TxContext, storeId: string, input: PlaceOrderInput) {
  const earlier = await findByKey(tx, storeId, input.idempotencyKey);
  return earlier ? replay(earlier, fingerprint(input)) : null;
}

/**
 * An order waiting for online payment gets its hosted checkout after it has committed. If the
 * provider fails now, the order still exists and the tracker's "Pay now" tries again.
 */
async function withCheckout(
  ctx: DomainContext,
  storeId: string,
  placed: PlaceOrderResult,
): Promise<PlaceOrderResult> {
  if (placed.status !== 'PENDING_PAYMENT') return placed;
  const checkoutUrl = await startCheckout(ctx, storeId, placed.orderId).catch(() => null);
  return { ...placed, checkoutUrl };
}
