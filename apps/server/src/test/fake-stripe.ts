import { createServer, type Server } from 'node:http';

export interface FakeStripe {
  url: string;
  /** Form bodies of POST /v1/checkout/sessions, decoded. */
  sessions: Record<string, string>[];
  close(): Promise<void>;
}

/** A local stand-in for Stripe's API, enough for Checkout Sessions, reached by the real SDK. */
export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const form = Object.fromEntries(new URLSearchParams(body));
        sessions.push(form);
        const id = `cs_test_${sessions.length}`;
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
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: `no fake for ${req.method} ${req.url}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
