import { orderEvents, orders, outbox } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { applyRetention } from './retention.ts';

let h: Harness;
let owner: Principal & { kind: 'staff' };
let manager: Principal & { kind: 'staff' };
const PHONE = '+15550123456';
beforeAll(async () => {
  h = await createHarness();
  owner = await h.staffOf(h.demo.storeId, 'owner');
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const guestOrder = (name: string, phone: string, email?: string) =>
  h.caller().order.place(
    counterOrder(h.demo, {
      customer: { name, phone, smsConsent: true, ...(email ? { email, emailConsent: true } : {}) },
      notes: `${name} is allergic to nuts`,
    }),
  );

describe('privacy', () => {
  test("a guest's data is exported, then erased from orders, events and messages while the books stay", async () => {
    const first = await guestOrder('Rosa Parks', PHONE, 'rosa@example.test');
    const second = await guestOrder('Rosa Parks', PHONE);
    const other = await guestOrder('Someone Else', '+15550999999');

    const data = await h.caller(manager).privacy.customerData({ phone: PHONE });
    expect(data.orders.map((o) => o.id).sort()).toEqual([first.orderId, second.orderId].sort());
    expect(data.orders[0]).toMatchObject({ customerName: 'Rosa Parks', customerPhone: PHONE });
    expect(data.messages.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(data)).not.toMatch(/pickupCodeHash|trackingToken/);
    const byEmail = await h.caller(manager).privacy.customerData({ email: 'ROSA@example.test' });
    expect(byEmail.orders.map((o) => o.id)).toEqual([first.orderId]);

    const [totalBefore] = await h.db
      .select({ t: orders.totalCents })
      .from(orders)
      .where(eq(orders.id, first.orderId));
    expect(await trpcCodeOf(h.caller(manager).privacy.erase({ phone: PHONE }))).toBe('FORBIDDEN');
    const erased = await h
      .caller(owner)
      .privacy.erase({ phone: PHONE, email: 'rosa@example.test' });
    expect(erased.orders).toBe(2);

    const [row] = await h.db.select().from(orders).where(eq(orders.id, first.orderId));
    expect(row).toMatchObject({
      customerName: '(erased)',
      customerPhone: null,
      customerEmail: null,
      notes: '',
      totalCents: totalBefore?.t,
    });
    const events = await h.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, first.orderId));
    expect(JSON.stringify(events)).not.toContain('Rosa');
    const messages = await h.db.select().from(outbox).where(eq(outbox.orderId, first.orderId));
    expect(JSON.stringify(messages)).not.toContain(PHONE);
    expect((await h.caller(manager).privacy.customerData({ phone: PHONE })).orders).toEqual([]);

    const [untouched] = await h.db.select().from(orders).where(eq(orders.id, other.orderId));
    expect(untouched?.customerName).toBe('Someone Else');
  });

  test('message details older than the retention period are removed; status and cost stay', async () => {
    const order = await guestOrder('Old Timer', '+15550777777');
    await h.db
      .update(outbox)
      .set({
        status: 'sent',
        providerId: 'SM123',
        costMicros: 7900,
        createdAt: new Date(Date.now() - 91 * 86_400_000),
      })
      .where(eq(outbox.orderId, order.orderId));
    expect(await applyRetention(h.ctx())).toBeGreaterThanOrEqual(1);
    const [row] = await h.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, order.orderId), eq(outbox.channel, 'sms')));
    expect(row).toMatchObject({
      recipient: '(erased)',
      payload: {},
      status: 'sent',
      costMicros: 7900,
    });
    const fresh = await guestOrder('New Guest', '+15550888888');
    await applyRetention(h.ctx());
    const [kept] = await h.db.select().from(outbox).where(eq(outbox.orderId, fresh.orderId));
    expect(kept?.recipient).toBe('+15550888888');
  });
});
