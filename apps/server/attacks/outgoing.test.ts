import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Server } from '../src/test/harness.ts';
import { codeOf, mutate, signIn } from './support.ts';

/**
 * Outgoing webhooks cannot be aimed inward. An "internal service" listens on loopback; the
 * attacker (a manager) points endpoints at it in every disguise. The only endpoint the server
 * may reach is an integrator's, here on 127.0.0.2 (allowed by WEBHOOK_ALLOWED_NETWORKS), which
 * answers with a redirect inward.
 */
let fx: Fixture;
let server: Server;
let manager: string;
let internal: { port: number; hits: string[]; close(): Promise<void> };
let integrator: { port: number; hits: string[]; close(): Promise<void> };

async function listen(host: string, answer: (res: ServerResponse) => void) {
  const hits: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => http.listen(0, host, resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  fx = await createFixture();
  internal = await listen('127.0.0.1', (res) => res.writeHead(200).end('secret admin page'));
  integrator = await listen('127.0.0.2', (res) =>
    res.writeHead(302, { location: `http://127.0.0.1:${internal.port}/from-redirect` }).end(),
  );
  server = await startServer(fx.db, { jobs: false, webhookAllowedNetworks: ['127.0.0.2/32'] });
  manager = await signIn(server, 'manager@demo.test');
});
afterAll(async () => {
  await server.close();
  await internal.close();
  await integrator.close();
  await fx.db.close();
});

describe('attack: webhooks as a port scanner and a way into the network', () => {
  test('no endpoint reaches a loopback, private, link-local or metadata address', async () => {
    const port = internal.port;
    const targets = [
      `http://127.0.0.1:${port}/literal`,
      `http://localhost:${port}/by-name`,
      `http://[::ffff:127.0.0.1]:${port}/mapped`,
      `http://0.0.0.0:${port}/unspecified`,
      `http://2130706433:${port}/decimal`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.255.255.1/private',
      `http://[::1]:${port}/v6-loopback`,
      `http://127.0.0.2:${integrator.port}/redirects-inward`,
    ];
    const created: string[] = [];
    for (const url of targets) {
      const answer = await mutate(
        server,
        'webhook.create',
        { url, eventTypes: ['order.placed'] },
        { token: manager },
      );
      if (codeOf(answer) === null) created.push(url);
    }
    await mutate(server, 'order.place', fx.order());
    for (let round = 0; round < 2; round += 1) {
      await fx.db.db.update(outbox).set({ nextAttemptAt: new Date(0) });
      await server.app.jobs.runOnce();
    }
    expect(internal.hits).toEqual([]);
    // The one allowed endpoint was reached (and retried); its redirect inward was never followed.
    expect(integrator.hits.length).toBeGreaterThan(0);
    expect(new Set(integrator.hits)).toEqual(new Set(['POST /redirects-inward']));

    // What the manager reads back says nothing about what (if anything) answered inside.
    const rows = await fx.db.db.select().from(outbox).where(eq(outbox.channel, 'webhook'));
    expect(rows.length).toBe(created.length);
    for (const row of rows) {
      expect(row.error ?? '').not.toMatch(/ECONN|EHOST|ENET|fetch failed|timeout|socket|\d{4,5}/i);
    }
  });
});

describe('attack: a webhook in clear text in production', () => {
  test('a production server refuses http:// endpoints', async () => {
    const production = await startServer(fx.db, { jobs: false, production: true });
    try {
      const token = await signIn(production, 'manager@demo.test');
      const answer = await mutate(
        production,
        'webhook.create',
        { url: 'http://pos.example.com/kds', eventTypes: ['*'] },
        { token },
      );
      expect(codeOf(answer) ?? 'ACCEPTED').toMatch(/BAD_REQUEST|UNPROCESSABLE_CONTENT/);
    } finally {
      await production.close();
    }
  });
});
