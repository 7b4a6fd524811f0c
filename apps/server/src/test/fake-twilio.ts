import { createServer, type Server } from 'node:http';

export interface FakeTwilio {
  url: string;
  messages: { to: string; from: string; body: string }[];
  calls: { to: string; from: string; twiml: string; statusCallback: string | null }[];
  /** Answer the next this-many sends with a 500. */
  failNext: number;
  /** Numbers that replied STOP at Twilio: texts to them get error 21610. */
  unsubscribed: Set<string>;
  close(): Promise<void>;
}

const MESSAGES = /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/;
const CALLS = /^\/2010-04-01\/Accounts\/[^/]+\/Calls\.json$/;

/** A local stand-in for Twilio's Messages and Calls APIs, reached by the real SDK. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const fake = {
    messages: [] as FakeTwilio['messages'],
    calls: [] as FakeTwilio['calls'],
    failNext: 0,
    unsubscribed: new Set<string>(),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const reply = (status: number, json: unknown) =>
        res.writeHead(status).end(JSON.stringify(json));
      const form = new URLSearchParams(body);
      const route = req.method === 'POST' ? (req.url ?? '') : '';
      if (!MESSAGES.test(route) && !CALLS.test(route)) {
        return reply(404, { message: `no fake for ${req.method} ${req.url}` });
      }
      if (fake.failNext > 0) {
        fake.failNext -= 1;
        return reply(500, { code: 20500, message: 'Twilio is down (fake)', status: 500 });
      }
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? '';
      if (MESSAGES.test(route)) {
        if (fake.unsubscribed.has(to)) {
          return reply(400, {
            code: 21610,
            message: 'Attempt to send to unsubscribed recipient',
            status: 400,
          });
        }
        const message = { to, from, body: form.get('Body') ?? '' };
        fake.messages.push(message);
        return reply(201, { sid: `SM${fake.messages.length}`, status: 'queued', ...message });
      }
      const call = {
        to,
        from,
        twiml: form.get('Twiml') ?? '',
        statusCallback: form.get('StatusCallback'),
      };
      fake.calls.push(call);
      return reply(201, { sid: `CA${fake.calls.length}`, status: 'queued', to, from });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}
