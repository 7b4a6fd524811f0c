import { randomBytes, randomUUID } from 'node:crypto';
import type { NewOrder, Store } from '@kds/db';
import { pickupCodeFor, pickupCodeHash } from './pickup-code.ts';
import { firstStatus } from './state-machine.ts';
import type { PricedOrder } from './pricing.ts';
import type { PlaceOrderInput } from './schemas.ts';

/**
 * The row of a new order: paid at the counter it goes to the kitchen now; online it waits for
 * payment until its window closes. Guests' consents only count with the contact they concern.
 */
export function orderRow(o: {
  store: Store;
  input: PlaceOrderInput;
  priced: PricedOrder;
  method: 'online' | 'counter';
  source: 'guest' | 'staff' | 'api';
  /** Minutes an unpaid order may be paid in; the store's window for guests by default. */
  paymentMinutes?: number;
  requestHash: string;
  number: number;
  businessDate: string;
  now: Date;
  pepper: string;
}): NewOrder {
  const { input, now } = o;
  const atCounter = o.method === 'counter';
  const fulfilment = input.fulfilment;
  // The id is chosen here so the pickup code (derived from it) can be checked later.
  const id = randomUUID();
  return {
    id,
    pickupCodeHash: pickupCodeHash(o.pepper, id, pickupCodeFor(o.pepper, id)),
    storeId: o.store.id,
    number: o.number,
    businessDate: o.businessDate,
    trackingToken: randomBytes(16).toString('base64url'),
    status: firstStatus(atCounter),
    paymentStatus: atCounter ? 'at_counter' : 'unpaid',
    paymentMethod: o.method,
    fulfilment: fulfilment.type,
    tableLabel: fulfilment.type === 'dine_in' ? fulfilment.table : null,
    deliveryAddress: fulfilment.type === 'delivery' ? fulfilment.address : null,
    deliveryPostcode: fulfilment.type === 'delivery' ? fulfilment.postcode : null,
    customerName: input.customer.name,
    customerPhone: input.customer.phone ?? null,
    customerEmail: input.customer.email ?? null,
    language:
      input.language && o.store.guestLanguages.includes(input.language) ? input.language : null,
    smsConsent: input.customer.smsConsent && !!input.customer.phone,
    callConsent: input.customer.callConsent && !!input.customer.phone,
    emailConsent: input.customer.emailConsent && !!input.customer.email,
    notes: input.notes,
    allergies: [...new Set(input.allergies)],
    fireAt: input.fireAt ? new Date(input.fireAt) : null,
    ...o.priced.totals,
    costCents: o.priced.costCents,
    discountCodeId: o.priced.discountCodeId,
    idempotencyKey: input.idempotencyKey,
    requestHash: o.requestHash,
    placedAt: atCounter ? now : null,
    paymentExpiresAt: atCounter
      ? null
      : new Date(
          now.getTime() + (o.paymentMinutes ?? o.store.settings.paymentExpiryMinutes) * 60_000,
        ),
    source: o.source,
    createdAt: now,
    updatedAt: now,
  };
}
