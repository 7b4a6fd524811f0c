import { outbox, seedStore } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { counterOrder, createHarness, loadStore, type Harness } from '../../test/fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedStore(h.db, {
    hashPassword: async () => 'x',
    slug: 'second',
    name: 'Second Diner',
    staff: [{ email: 'owner@second.test', name: 'Owner', role: 'owner' }],
  });
});
afterAll(() => h.close());

test('the daily limit of messages to one phone holds across stores, though each store sees only its own', async () => {
  const second = await loadStore(h.db, 'second');
  const phone = '+15550004242';
  const customer = { name: 'Pump', phone, smsConsent: true };
  // The harness allows 20 messages per recipient per day: 12 orders in each store name the phone.
  for (let i = 0; i < 12; i += 1) {
    await h.caller().order.place(counterOrder(h.demo, { customer }));
    await h.caller().order.place(counterOrder(second, { storeSlug: 'second', customer }));
  }
  const texts = await h.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, phone), eq(outbox.channel, 'sms')));
  expect(texts).toHaveLength(24);
  expect(texts.filter((t) => t.status !== 'canceled')).toHaveLength(20);
  expect(texts.find((t) => t.status === 'canceled')?.error).toMatch(/daily limit/);
});
