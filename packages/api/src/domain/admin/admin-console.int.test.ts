import { orders, outbox, staffMemberships } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let manager: Principal & { kind: 'staff' };
let cook: Principal;
const placed: { orderId: string; number: number }[] = [];

beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  const guests = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Ada Byron', 'Edsger Dijkstra'];
  for (const [i, name] of guests.entries()) {
    placed.push(
      await h.caller().order.place(
        counterOrder(h.demo, {
          customer: { name, phone: `+1555010000${i}` },
          ...(i % 2 ? { fulfilment: { type: 'dine_in', table: '4' } } : {}),
        }),
      ),
    );
  }
});
afterAll(() => h.close());

describe('order.list', () => {
  test('newest first, a page at a time, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: { createdAt: string; id: string } | undefined;
    do {
      const page = await h.caller(manager).order.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.orders.map((o) => o.number));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(placed.map((o) => o.number).reverse());
  });

  test('filters by status and type, searches by number, name and phone', async () => {
    await h.caller(cook).ticket.bump({ orderId: placed[0]?.orderId ?? '', force: true });
    const list = (input: Parameters<ReturnType<Harness['caller']>['order']['list']>[0]) =>
      h
        .caller(manager)
        .order.list(input)
        .then((r) => r.orders.map((o) => o.number).sort((a, b) => a - b));
    const n = placed.map((o) => o.number);
    expect(await list({ status: ['READY'] })).toEqual([n[0]]);
    expect(await list({ fulfilment: 'dine_in' })).toEqual([n[1], n[3]]);
    expect(await list({ search: `#${n[2]}` })).toEqual([n[2]]);
    expect(await list({ search: 'ada' })).toEqual([n[0], n[3]]);
    expect(await list({ search: '5550100004' })).toEqual([n[4]]);
    expect(await list({ search: '100%' })).toEqual([]);
    const [first] = (await h.caller(manager).order.list({ limit: 1 })).orders;
    expect(first?.items).toBe(3); // a burger and two fries
  });
});

describe('order.detail', () => {
  test("tells an order's story with who did each step", async () => {
    const order = placed[1];
    await h.caller(cook).ticket.bump({ orderId: order?.orderId ?? '', force: true });
    await h.caller(manager).ticket.recall({ orderId: order?.orderId ?? '' });
    await h.caller(manager).order.cancel({ orderId: order?.orderId ?? '', reason: 'guest left' });
    const detail = await h.caller(manager).order.detail({ orderId: order?.orderId ?? '' });
    expect(detail.items.map((i) => [i.name, i.station])).toEqual([
      ['Classic Burger', 'Grill'],
      ['Fries', 'Fry'],
    ]);
    const steps = detail.timeline
      .filter((t) => t.kind === 'event')
      .map((t) => `${t.what} by ${t.who}`);
    expect(steps).toEqual([
      'Sent to the kitchen by guest',
      'Kitchen started by kitchen',
      'Ready by kitchen',
      'Recalled to the kitchen by manager',
      'Canceled by manager',
    ]);
    expect(detail.timeline.at(-1)?.detail).toMatchObject({ reason: 'guest left' });
    expect(JSON.stringify(detail)).not.toMatch(/pickupCodeHash|idempotencyKey|requestHash/);
  });

  test('kitchen staff and other stores are refused', async () => {
    const orderId = placed[0]?.orderId ?? '';
    expect(await trpcCodeOf(h.caller(cook).order.detail({ orderId }))).toBe('FORBIDDEN');
    expect(await trpcCodeOf(h.caller(cook).order.list({}))).toBe('FORBIDDEN');
    expect(await trpcCodeOf(h.caller().order.list({}))).toBe('UNAUTHORIZED');
    const other = await createOtherStore(h.db, 'other-admin');
    const stranger = await h.staffOf(other.storeId, 'manager');
    expect(await trpcCodeOf(h.caller(stranger).order.detail({ orderId }))).toBe('NOT_FOUND');
    expect((await h.caller(stranger).order.list({})).orders).toEqual([]);
  });
});

describe('outbox view', () => {
  test('lists the store’s messages and retries a failed one, audited', async () => {
    const texted = await h
      .caller()
      .order.place(
        counterOrder(h.demo, { customer: { name: 'Bo', phone: '+15550109999', smsConsent: true } }),
      );
    const [message] = await h.db.select().from(outbox).where(eq(outbox.orderId, texted.orderId));
    expect(message).toBeDefined();
    await h.db
      .update(outbox)
      .set({ status: 'failed', attempts: 8, error: 'Twilio is down' })
      .where(eq(outbox.id, message?.id ?? ''));
    const failed = await h.caller(manager).outbox.list({ status: 'failed' });
    expect(failed.messages.map((m) => m.id)).toEqual([message?.id]);
    expect(JSON.stringify(failed)).not.toContain('payload');
    await h.caller(manager).outbox.retry({ messageId: message?.id ?? '' });
    const [row] = await h.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, message?.id ?? ''));
    expect(row).toMatchObject({ status: 'pending', attempts: 0, error: null });
    expect(await trpcCodeOf(h.caller(manager).outbox.retry({ messageId: message?.id ?? '' }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await trpcCodeOf(h.caller(cook).outbox.list({}))).toBe('FORBIDDEN');
  });
});

describe('stores of the signed-in staff member', () => {
  test('an owner of two stores switches between them; a stranger store is refused', async () => {
    const owner = await h.staffOf(h.demo.storeId, 'owner');
    const second = await createOtherStore(h.db, 'second-site');
    await h.db
      .insert(staffMemberships)
      .values({ staffId: owner.staffId, storeId: second.storeId, role: 'owner' });
    const me = await h.caller(owner).store.mine();
    expect(me.store?.id).toBe(h.demo.storeId);
    expect(me.stores.map((s) => s.id).sort()).toEqual([h.demo.storeId, second.storeId].sort());
    await h.caller(owner).store.switch({ storeId: second.storeId });
    const third = await createOtherStore(h.db, 'not-mine');
    expect(await trpcCodeOf(h.caller(owner).store.switch({ storeId: third.storeId }))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('payments and messages from the order page', () => {
  test('an online order paid at the counter goes to the kitchen once, audited', async () => {
    const placedOrder = await h.caller().order.place(counterOrder(h.demo));
    // As an online order still waiting for its payment.
    await h.db
      .update(orders)
      .set({
        status: 'PENDING_PAYMENT',
        paymentStatus: 'pending',
        paymentMethod: 'online',
        placedAt: null,
      })
      .where(eq(orders.id, placedOrder.orderId));
    const done = await h
      .caller(manager)
      .payment.markPaidAtCounter({ orderId: placedOrder.orderId });
    expect(done).toMatchObject({ status: 'PLACED', paymentStatus: 'at_counter' });
    const tickets = await h.caller(cook).kitchen.tickets({});
    expect(tickets.tickets.filter((t) => t.orderId === placedOrder.orderId)).toHaveLength(1);
    expect(
      await trpcCodeOf(
        h.caller(manager).payment.markPaidAtCounter({ orderId: placedOrder.orderId }),
      ),
    ).toBe('PRECONDITION_FAILED');
    const detail = await h.caller(manager).order.detail({ orderId: placedOrder.orderId });
    expect(detail.timeline.map((t) => t.what)).toContain('order.paid_at_counter');
  });

  test('a sent text can be sent again as a new message; a pending one cannot', async () => {
    const texted = await h
      .caller()
      .order.place(
        counterOrder(h.demo, { customer: { name: 'Cy', phone: '+15550108888', smsConsent: true } }),
      );
    const [message] = await h.db.select().from(outbox).where(eq(outbox.orderId, texted.orderId));
    expect(
      await trpcCodeOf(h.caller(manager).outbox.resend({ messageId: message?.id ?? '' })),
    ).toBe('PRECONDITION_FAILED');
    await h.db
      .update(outbox)
      .set({ status: 'sent' })
      .where(eq(outbox.id, message?.id ?? ''));
    const copy = await h.caller(manager).outbox.resend({ messageId: message?.id ?? '' });
    const rows = await h.db.select().from(outbox).where(eq(outbox.orderId, texted.orderId));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === copy.id)).toMatchObject({
      status: 'pending',
      template: message?.template,
      recipient: '+15550108888',
    });
  });
});
