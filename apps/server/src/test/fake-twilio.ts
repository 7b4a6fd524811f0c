import { createServer, type Server } from 'node:http';

export interface FakeTwilio {
  url: string;
  messages: { to: string; from: string; body: string }[];
  /** Answer the next this-many sends with a 500. */
  failNext: number;
  close(): Promise<void>;
}

/** A local stand-in for Twilio's Messages API, reached by the real SDK. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const fake = { messages: [] as FakeTwilio['messages'], failNext: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (
        req.method === 'POST' &&
        /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(req.url ?? '')
      ) {
        if (fake.failNext > 0) {
          fake.failNext -= 1;
          res
            .writeHead(500)
            .end(JSON.stringify({ code: 20500, message: 'Twilio is down (fake)', status: 500 }));
          return;
        }
        const form = new URLSearchParams(body);
        const message = {
          to: form.get('To') ?? '',
          from: form.get('From') ?? '',
          body: form.get('Body') ?? '',
        };
        fake.messages.push(message);
        res
          .writeHead(201)
          .end(JSON.stringify({ sid: `SM${fake.messages.length}`, status: 'queued', ...message }));
        return;
      }
      res.writeHead(404).end(JSON.stringify({ message: `no fake for ${req.method} ${req.url}` }));
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
