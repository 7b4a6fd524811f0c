import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';

/** Production without Stripe keys (and without the opt-in): no online payment at all. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ payments: null });
});
afterAll(() => h.close());

describe('without a payment provider', () => {
  test('an online order is refused rather than left waiting for a payment that cannot come', async () => {
    const error = await h
      .caller()
      .order.place(counterOrder(h.demo, { payment: 'online' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    // Asked for nothing in particular, a guest of a store taking both pays at the counter.
    const { payment: _payment, ...unspecified } = counterOrder(h.demo);
    expect((await h.caller().order.place(unspecified)).status).toBe('PLACED');
  });

  test('a manager cannot switch online payment on', async () => {
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    const settings = await h.caller(manager).store.settings();
    const code = await trpcCodeOf(
      h.caller(manager).store.updateSettings({
        ...settings,
        settings: { ...settings.settings, paymentMode: 'online' },
      }),
    );
    expect(code).toBe('UNPROCESSABLE_CONTENT');
  });
});
