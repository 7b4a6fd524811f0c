import { discountCodes, orders } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { counterOrder, createHarness, type Harness } from '../../test/fixtures.ts';
import { expireUnpaidOrders } from './expire-unpaid.ts';
import { handleStripeEvent } from './handle-stripe-event.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const online = () => h.caller().order.place(counterOrder(h.demo, { payment: 'online' }));
const status = async (id: string) =>
  (await h.db.select().from(orders).where(eq(orders.id, id)))[0]?.status;
const event = (type: string, orderId: string, extra: Record<string, unknown> = {}) => ({
  id: `evt_${crypto.randomUUID()}`,
  type,
  data: {
    object: {
      id: `cs_${crypto.randomUUID()}`,
      client_reference_id: orderId,
      payment_status: 'paid',
      ...extra,
    },
  },
});

describe('payment expiry', () => {
  test('orders unpaid past their expiry become EXPIRED; paid and fresh ones are left alone', async () => {
    const stale = await online();
    const fresh = await online();
    await h.db
      .update(orders)
      .set({ paymentExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(orders.id, stale.orderId));
    expect(await expireUnpaidOrders(h.ctx())).toBe(1);
    expect(await status(stale.orderId)).toBe('EXPIRED');
    expect(await status(fresh.orderId)).toBe('PENDING_PAYMENT');
    expect((await h.caller().tracker.get({ trackingToken: stale.trackingToken })).status).toBe(
      'EXPIRED',
    );
    expect(await expireUnpaidOrders(h.ctx())).toBe(0);
  });

  test('an order that expires unpaid gives its discount code use back, once', async () => {
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    await h
      .caller(manager)
      .discount.create({ code: 'ONLYONE', kind: 'amount', value: 100, maxUses: 1 });
    const order = await h
      .caller()
      .order.place(counterOrder(h.demo, { payment: 'online', discountCode: 'ONLYONE' }));
    const used = async () =>
      (await h.db.select().from(discountCodes).where(eq(discountCodes.code, 'ONLYONE')))[0]
        ?.timesUsed;
    expect(await used()).toBe(1);
    await h.db
      .update(orders)
      .set({ paymentExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(orders.id, order.orderId));
    await expireUnpaidOrders(h.ctx());
    await expireUnpaidOrders(h.ctx());
    expect(await used()).toBe(0);
    const again = await h.caller().order.place(counterOrder(h.demo, { discountCode: 'ONLYONE' }));
    expect(again.totals.discountCents).toBe(100);
  });

  test('a payment after expiry is recorded and flagged, and the order stays off the kitchen', async () => {
    const order = await online();
    await h.db
      .update(orders)
      .set({ paymentExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(orders.id, order.orderId));
    await expireUnpaidOrders(h.ctx());
    const outcome = await handleStripeEvent(
      h.ctx(),
      event('checkout.session.completed', order.orderId, {
        amount_total: order.totals.totalCents,
        currency: 'usd',
      }),
    );
    expect(outcome).toBe('flagged');
    expect(await status(order.orderId)).toBe('EXPIRED');
  });

  test('an expired Checkout Session expires its order', async () => {
    const order = await online();
    const session = order.checkoutUrl?.split('/').pop();
    expect(
      await handleStripeEvent(
        h.ctx(),
        event('checkout.session.expired', order.orderId, { id: session, payment_status: 'unpaid' }),
      ),
    ).toBe('expired');
    expect(await status(order.orderId)).toBe('EXPIRED');
  });
});
