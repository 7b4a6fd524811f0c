import { createStripeGateway } from '@kds/api';
import { startFakeStripe, type FakeStripe } from './fake-stripe.ts';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
} from './harness.ts';

export interface StripeStore {
  fx: Fixture;
  fake: FakeStripe;
  server: Server;
  guest: Client;
  manager: Client;
  close(): Promise<void>;
}

/**
 * The demo store's server with Stripe's real SDK pointed at a fake Stripe, no background jobs
 * (tests run them), a guest and the demo manager signed in. `prepare` changes the database
 * before the server starts (another currency, say).
 */
export async function startStripeStore(
  webhookSecret: string,
  prepare?: (fx: Fixture) => Promise<unknown>,
): Promise<StripeStore> {
  const fx = await createFixture();
  await prepare?.(fx);
  const fake = await startFakeStripe();
  const stripe = createStripeGateway({ secretKey: 'sk_test_kds', webhookSecret, apiUrl: fake.url });
  const server = await startServer(fx.db, { stripe, jobs: false });
  const guest = connect(server);
  const manager = connect(server, await fx.login(guest, 'manager@demo.test'));
  return {
    fx,
    fake,
    server,
    guest,
    manager,
    async close() {
      guest.close();
      manager.close();
      await server.close();
      await fake.close();
      await fx.db.close();
    },
  };
}

/** What a Checkout Session asks to charge: the sum of its lines, in Stripe's units. */
export function lineTotal(form: Record<string, string>): number {
  return Object.keys(form)
    .filter((k) => /^line_items\[\d+\]\[quantity\]$/.test(k))
    .reduce((sum, k) => {
      const i = /\[(\d+)\]/.exec(k)?.[1];
      return sum + Number(form[k]) * Number(form[`line_items[${i}][price_data][unit_amount]`]);
    }, 0);
}
