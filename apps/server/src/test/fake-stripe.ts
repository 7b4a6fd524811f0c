import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeStripe {
  url: string;
  /** Form bodies of POST /v1/checkout/sessions, decoded. */
  sessions: Record<string, string>[];
  /** Refunds actually made (a repeated idempotency key returns the first, as Stripe does). */
  refunds: { id: string; paymentIntent: string; amount: number }[];
  /** Answer the next this-many refund requests with a 500. */
  failRefunds: number;
  /** Hold the next this-many refund requests unanswered until `releaseRefunds()`. */
  holdRefunds: number;
  /** Refund requests being held right now. */
  readonly heldRefunds: number;
  releaseRefunds(): void;
  /** Marks a session paid at "Stripe" without sending a webhook (the case reconciliation repairs). */
  markPaid(sessionId: string, paymentIntent: string): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Stripe's API, enough for Checkout Sessions, reached by the real SDK.
 * Like Stripe, it refuses a session that would expire more than 24 hours after `now`.
 */
export async function startFakeStripe(options: { now?: () => number } = {}): Promise<FakeStripe> {
  const clock = options.now ?? Date.now;
  const sessions: Record<string, string>[] = [];
  const byKey = new Map<string, string>();
  const state = new Map<string, Record<string, unknown>>();
  const held: (() => void)[] = [];
  const fake = {
    failRefunds: 0,
    holdRefunds: 0,
    get heldRefunds() {
      return held.length;
    },
    releaseRefunds: () => held.splice(0).forEach((answer) => answer()),
    refunds: [] as FakeStripe['refunds'],
    markPaid(sessionId: string, paymentIntent: string) {
      const session = state.get(sessionId);
      if (session)
        Object.assign(session, {
          payment_status: 'paid',
          status: 'complete',
          payment_intent: paymentIntent,
        });
    },
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/refunds' && fake.holdRefunds > 0) {
        fake.holdRefunds -= 1;
        held.push(() => answer(req, res, body));
        return;
      }
      answer(req, res, body);
    });
  });
  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
      const form = Object.fromEntries(new URLSearchParams(body));
      const lifetime = Number(form.expires_at) * 1000 - clock();
      if (form.expires_at && (lifetime > 24 * 3600_000 || lifetime < 30 * 60_000)) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            error: {
              type: 'invalid_request_error',
              param: 'expires_at',
              message:
                'The `expires_at` timestamp must be between 30 minutes and 24 hours from creation.',
            },
          }),
        );
        return;
      }
      sessions.push(form);
      const id = `cs_test_${sessions.length}`;
      const lines = Object.keys(form).filter((k) => /^line_items\[\d+\]\[quantity\]$/.test(k));
      const amount = lines.reduce((sum, k) => {
        const i = /\[(\d+)\]/.exec(k)?.[1];
        return sum + Number(form[k]) * Number(form[`line_items[${i}][price_data][unit_amount]`]);
      }, 0);
      state.set(id, {
        id,
        object: 'checkout.session',
        client_reference_id: form.client_reference_id ?? null,
        payment_status: 'unpaid',
        amount_total: amount,
        currency: form['line_items[0][price_data][currency]'] ?? 'usd',
        payment_intent: null,
        created: Math.floor(Date.now() / 1000),
      });
      res.end(
        JSON.stringify({
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          client_reference_id: form.client_reference_id,
          payment_status: 'unpaid',
        }),
      );
      return;
    }
    if (req.method === 'GET' && req.url?.startsWith('/v1/checkout/sessions')) {
      res.end(
        JSON.stringify({
          object: 'list',
          data: [...state.values()],
          has_more: false,
          url: '/v1/checkout/sessions',
        }),
      );
      return;
    }
    const intent = /^\/v1\/payment_intents\/([^/?]+)/.exec(req.url ?? '');
    if (req.method === 'GET' && intent) {
      res.end(
        JSON.stringify({
          id: intent[1],
          object: 'payment_intent',
          latest_charge: {
            id: `ch_${intent[1]}`,
            object: 'charge',
            receipt_url: `https://pay.stripe.test/receipts/${intent[1]}`,
            balance_transaction: {
              id: `txn_${intent[1]}`,
              object: 'balance_transaction',
              fee: 62,
              net: 1000,
              currency: 'usd',
            },
          },
        }),
      );
      return;
    }
    if (req.method === 'POST' && req.url === '/v1/refunds') {
      if (fake.failRefunds > 0) {
        fake.failRefunds -= 1;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'Stripe is down (fake)' } }));
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      const replay = byKey.get(key);
      if (replay) return void res.end(replay);
      const form = Object.fromEntries(new URLSearchParams(body));
      const refund = {
        id: `re_test_${fake.refunds.length + 1}`,
        paymentIntent: form.payment_intent ?? '',
        amount: Number(form.amount),
      };
      fake.refunds.push(refund);
      const answer = JSON.stringify({
        id: refund.id,
        object: 'refund',
        amount: refund.amount,
        status: 'succeeded',
      });
      byKey.set(key, answer);
      res.end(answer);
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { message: `no fake for ${req.method} ${req.url}` } }));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    sessions,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}
