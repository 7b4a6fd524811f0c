import { createServer, type IncomingMessage, type Server } from 'node:http';

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

interface State {
  clock: () => number;
  sessions: Record<string, string>[];
  /** Sessions as Stripe would list them, by id. */
  byId: Map<string, Record<string, unknown>>;
  /** A refund's first answer, by its idempotency key. */
  byKey: Map<string, string>;
  fake: Pick<FakeStripe, 'failRefunds' | 'refunds'>;
}

interface Reply {
  status?: number;
  body: unknown;
}

/**
 * A local stand-in for Stripe's API, enough for Checkout Sessions, reached by the real SDK.
 * Like Stripe, it refuses a session that would expire more than 24 hours after `now`.
 */
export async function startFakeStripe(options: { now?: () => number } = {}): Promise<FakeStripe> {
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
      const session = state.byId.get(sessionId);
      if (session)
        Object.assign(session, {
          payment_status: 'paid',
          status: 'complete',
          payment_intent: paymentIntent,
        });
    },
  };
  const state: State = {
    clock: options.now ?? Date.now,
    sessions: [],
    byId: new Map(),
    byKey: new Map(),
    fake,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const send = () => {
        const reply = answer(state, req, body);
        res.statusCode = reply.status ?? 200;
        res.setHeader('content-type', 'application/json');
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      };
      if (req.url === '/v1/refunds' && fake.holdRefunds > 0) {
        fake.holdRefunds -= 1;
        held.push(send);
        return;
      }
      send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    sessions: state.sessions,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

function answer(state: State, req: IncomingMessage, body: string): Reply {
  const form = Object.fromEntries(new URLSearchParams(body));
  if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
    return createSession(state, form);
  }
  if (req.method === 'GET' && req.url?.startsWith('/v1/checkout/sessions')) {
    const data = [...state.byId.values()];
    return { body: { object: 'list', data, has_more: false, url: '/v1/checkout/sessions' } };
  }
  const intent = /^\/v1\/payment_intents\/([^/?]+)/.exec(req.url ?? '');
  if (req.method === 'GET' && intent?.[1]) return { body: paymentIntent(intent[1]) };
  if (req.method === 'POST' && req.url === '/v1/refunds') {
    return refund(state, String(req.headers['idempotency-key'] ?? ''), form);
  }
  return { status: 404, body: { error: { message: `no fake for ${req.method} ${req.url}` } } };
}

function createSession(state: State, form: Record<string, string>): Reply {
  const lifetime = Number(form.expires_at) * 1000 - state.clock();
  if (form.expires_at && (lifetime > 24 * 3600_000 || lifetime < 30 * 60_000)) {
    return {
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          param: 'expires_at',
          message:
            'The `expires_at` timestamp must be between 30 minutes and 24 hours from creation.',
        },
      },
    };
  }
  state.sessions.push(form);
  const id = `cs_test_${state.sessions.length}`;
  const lines = Object.keys(form).filter((k) => /^line_items\[\d+\]\[quantity\]$/.test(k));
  const amount = lines.reduce((sum, k) => {
    const i = /\[(\d+)\]/.exec(k)?.[1];
    return sum + Number(form[k]) * Number(form[`line_items[${i}][price_data][unit_amount]`]);
  }, 0);
  state.byId.set(id, {
    id,
    object: 'checkout.session',
    client_reference_id: form.client_reference_id ?? null,
    payment_status: 'unpaid',
    amount_total: amount,
    currency: form['line_items[0][price_data][currency]'] ?? 'usd',
    payment_intent: null,
    created: Math.floor(Date.now() / 1000),
  });
  return {
    body: {
      id,
      object: 'checkout.session',
      url: `https://checkout.stripe.test/c/pay/${id}`,
      client_reference_id: form.client_reference_id,
      payment_status: 'unpaid',
    },
  };
}

function paymentIntent(id: string) {
  return {
    id,
    object: 'payment_intent',
    latest_charge: {
      id: `ch_${id}`,
      object: 'charge',
      receipt_url: `https://pay.stripe.test/receipts/${id}`,
      balance_transaction: {
        id: `txn_${id}`,
        object: 'balance_transaction',
        fee: 62,
        net: 1000,
        currency: 'usd',
      },
    },
  };
}

function refund(state: State, key: string, form: Record<string, string>): Reply {
  const { fake } = state;
  if (fake.failRefunds > 0) {
    fake.failRefunds -= 1;
    return {
      status: 500,
      body: { error: { type: 'api_error', message: 'Stripe is down (fake)' } },
    };
  }
  const replay = state.byKey.get(key);
  if (replay) return { body: replay };
  const made = {
    id: `re_test_${fake.refunds.length + 1}`,
    paymentIntent: form.payment_intent ?? '',
    amount: Number(form.amount),
  };
  fake.refunds.push(made);
  const body = JSON.stringify({
    id: made.id,
    object: 'refund',
    amount: made.amount,
    status: 'succeeded',
  });
  state.byKey.set(key, body);
  return { body };
}
