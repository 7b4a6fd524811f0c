import { payments, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { completedEvent, deliverStripe } from './test/stripe-events.ts';
import { lineTotal, startStripeStore, type StripeStore } from './test/stripe-store.ts';

const SECRET = 'whsec_currencies';

// Stripe's units against the store's: yen are yen; krónur are written whole but Stripe keeps
// ISK two-decimal, so it is sent hundredths.
describe.each([
  { currency: 'JPY', toStripe: 1 },
  { currency: 'ISK', toStripe: 100 },
])('a store that sells in $currency, paid online through Stripe', ({ currency, toStripe }) => {
  let s: StripeStore;
  beforeAll(async () => {
    s = await startStripeStore(SECRET, (fx) =>
      fx.db.db.update(stores).set({ currency }).where(eq(stores.id, fx.storeId)),
    );
  });
  afterAll(() => s.close());

  test('is charged, paid and refunded to the unit', async () => {
    const { fx, fake, server, guest, manager } = s;
    const placed = await guest.trpc.order.place.mutate(fx.order({ payment: 'online' }));
    const sessionId = placed.checkoutUrl?.split('/').pop() ?? '';
    const session = fake.sessions.at(-1) ?? {};
    expect(session['line_items[0][price_data][currency]']).toBe(currency.toLowerCase());
    expect(lineTotal(session)).toBe(placed.totals.totalCents * toStripe);

    // Stripe reports the total in its units; the order is paid, not flagged as a mismatch.
    const paymentIntent = `pi_${crypto.randomUUID()}`;
    const event = completedEvent(
      sessionId,
      placed.orderId,
      lineTotal(session),
      currency.toLowerCase(),
      undefined,
      paymentIntent,
    );
    expect((await deliverStripe(server.url, event, { secret: SECRET })).body).toEqual({
      received: true,
      outcome: 'paid',
    });
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, sessionId));
    expect(payment).toMatchObject({ amountCents: placed.totals.totalCents, currency, flag: null });

    await manager.trpc.order.cancel.mutate({ orderId: placed.orderId, reason: 'out of buns' });
    expect(await server.app.jobs.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(fake.refunds.at(-1)).toMatchObject({
      paymentIntent,
      amount: placed.totals.totalCents * toStripe,
    });
  });
});
