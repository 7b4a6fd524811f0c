import type { AppRouter } from '@kds/api';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import {
  connect,
  createFixture,
  createRivalStore,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

let fx: Fixture;
let server: Server;
let anonymous: Client;
let rival: Awaited<ReturnType<typeof createRivalStore>>;

beforeAll(async () => {
  fx = await createFixture();
  rival = await createRivalStore(fx.db.db);
  server = await startServer(fx.db);
  anonymous = connect(server);
});
afterAll(closeAll);

function client(token?: string): Client {
  const c = connect(server, token);
  onTestFinished(() => c.close());
  return c;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return (error as TRPCClientError<AppRouter>).data?.code;
}

describe('store scoping', () => {
  test("a staff token of one store cannot read or change another store's orders", async () => {
    const order = await anonymous.trpc.order.place.mutate(fx.order());
    const outsider = client(await fx.login(anonymous, rival.email));
    const demoKitchen = client(await fx.login(anonymous, 'kitchen@demo.test'));
    const { tickets: demoTickets } = await demoKitchen.trpc.kitchen.tickets.query({});
    const demoStation = demoTickets[0]?.items[0]?.stationId ?? '';

    const { tickets } = await outsider.trpc.kitchen.tickets.query({});
    expect(tickets).toEqual([]);
    expect(await codeOf(outsider.trpc.kitchen.tickets.query({ stationId: demoStation }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(outsider.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(outsider.trpc.ticket.prioritize.mutate({ orderId: order.orderId }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(
        outsider.trpc.order.cancel.mutate({ orderId: order.orderId, reason: 'sabotage' }),
      ),
    ).toBe('NOT_FOUND');

    // Their live stream never carries our events either.
    const theirs = subscribeKitchen(outsider);
    const ours = subscribeKitchen(demoKitchen);
    await vi.waitFor(() => expect(theirs.received.started && ours.received.started).toBe(true));
    await anonymous.trpc.order.place.mutate(fx.order());
    await vi.waitFor(() => expect(ours.received.data).toHaveLength(1));
    expect(theirs.received.data).toEqual([]);

    const after = await demoKitchen.trpc.kitchen.tickets.query({});
    const untouched = after.tickets.find((t) => t.orderId === order.orderId);
    expect(untouched).toMatchObject({ status: 'PLACED', priority: 0 });
  });
});

describe('authentication', () => {
  test('no token, no kitchen data over HTTP', async () => {
    expect(await codeOf(anonymous.trpc.kitchen.tickets.query({}))).toBe('UNAUTHORIZED');
    const order = await anonymous.trpc.order.place.mutate(fx.order());
    expect(
      await codeOf(anonymous.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true })),
    ).toBe('UNAUTHORIZED');
  });

  test('no token, no kitchen subscription', async () => {
    const { received } = subscribeKitchen(anonymous);
    await vi.waitFor(() => expect(received.errors).toHaveLength(1));
    expect(received.errors[0]).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await anonymous.trpc.order.place.mutate(fx.order());
    expect(received.data).toEqual([]);
  });

  test('a forged token is treated as no token', async () => {
    const forged = client('kds_s_' + 'A'.repeat(43));
    expect(await codeOf(forged.trpc.kitchen.tickets.query({}))).toBe('UNAUTHORIZED');
  });

  test('a wrong password is refused without saying which part was wrong', async () => {
    const error = await anonymous.trpc.auth.login
      .mutate({ email: 'kitchen@demo.test', password: 'nope' })
      .catch((e: unknown) => e as TRPCClientError<AppRouter>);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).message).toBe('email or password is not right');
    const unknown = await codeOf(
      anonymous.trpc.auth.login.mutate({ email: 'ghost@demo.test', password: 'x' }),
    );
    expect(unknown).toBe('UNAUTHORIZED');
  });

  test('login sets an HTTP-only session cookie that authenticates; logout revokes it', async () => {
    const base = `http://${server.url}/trpc`;
    const login = await fetch(`${base}/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/kds_session=kds_s_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0] ?? '';

    const tickets = await fetch(`${base}/kitchen.tickets`, { headers: { cookie } });
    expect(tickets.status).toBe(200);
    const logout = await fetch(`${base}/auth.logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: `http://${server.url}` },
    });
    expect(logout.status).toBe(200);
    const afterLogout = await fetch(`${base}/kitchen.tickets`, { headers: { cookie } });
    expect(afterLogout.status).toBe(401);
  });

  test('a cookie mutation from another site, or with no Origin, is refused and changes nothing', async () => {
    const base = `http://${server.url}/trpc`;
    const login = await fetch(`${base}/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const order = await anonymous.trpc.order.place.mutate(fx.order());
    const cancel = (headers: Record<string, string>) =>
      fetch(`${base}/order.cancel`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ orderId: order.orderId, reason: 'csrf' }),
      });
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const refused = await cancel(headers);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { data: { code: 'FORBIDDEN' } } });
    }
    const manager = client(await fx.login(anonymous, 'manager@demo.test'));
    expect((await manager.trpc.order.detail.query({ orderId: order.orderId })).order.status).toBe(
      'PLACED',
    );
    expect((await cancel({ origin: `http://${server.url}` })).status).toBe(200);
    manager.close();
  });
});

describe('request limits and health', () => {
  test('an oversized body gets a typed PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const kitchen = client(await fx.login(anonymous, 'kitchen@demo.test'));
    const before = await kitchen.trpc.kitchen.tickets.query({});
    const code = await codeOf(
      anonymous.trpc.order.place.mutate(fx.order({ notes: 'x'.repeat(200_000) })),
    );
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    const after = await kitchen.trpc.kitchen.tickets.query({});
    expect(after.cursor).toBe(before.cursor);
  });

  test('health and readiness answer', async () => {
    // The release, as the root package.json says: what an operator checks after an upgrade.
    expect(await (await fetch(`http://${server.url}/healthz`)).json()).toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    const ready = await fetch(`http://${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });
  });

  test('internal errors never leak their cause', async () => {
    const response = await fetch(
      `http://${server.url}/trpc/menu.forStore?input=${encodeURIComponent('{"storeSlug":"demo"}')}`,
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toMatch(/costCents|stationId/);
  });
});

describe('other origins', () => {
  test('only listed origins get CORS headers and may use the cookie', async () => {
    const listed = await startServer(fx.db, {
      jobs: false,
      corsOrigins: ['https://admin.example.com'],
    });
    try {
      const base = `http://${listed.url}/trpc`;
      const preflight = (origin: string) =>
        fetch(`${base}/auth.logout`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      const ok = await preflight('https://admin.example.com');
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const login = await fetch(`${base}/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const logout = await fetch(`${base}/auth.logout`, {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/json',
          origin: 'https://admin.example.com',
        },
      });
      expect(logout.status).toBe(200);
    } finally {
      await listed.close();
    }
  });
});

describe('revocation reaches open connections', () => {
  test('an unpaired screen and a deactivated cook lose their live stream within one check', async () => {
    const checked = await startServer(fx.db, { jobs: false, revalidateMs: 100 });
    try {
      const manager = connect(checked, await fx.login(anonymous, 'manager@demo.test'));
      const { code } = await manager.trpc.device.createPairingCode.mutate({ name: 'Doomed' });
      const { token, device } = await anonymous.trpc.device.pair.mutate({ code });
      const screen = connect(checked, token);
      const stream = subscribeKitchen(screen);
      await vi.waitFor(() => expect(stream.received.started).toBe(true));

      await manager.trpc.device.revoke.mutate({ deviceId: device.id });
      // Closed by the server; the client reconnects as nobody and is refused.
      await vi.waitFor(() => expect(stream.received.errors.length).toBeGreaterThan(0), {
        timeout: 5_000,
      });
      // A screen still signed in gets the next order; by then the revoked one would have too.
      const witness = subscribeKitchen(manager);
      await vi.waitFor(() => expect(witness.received.started).toBe(true));
      const placed = await anonymous.trpc.order.place.mutate(fx.order());
      await vi.waitFor(() =>
        expect(witness.received.data.map((e) => e.orderId)).toContain(placed.orderId),
      );
      expect(stream.received.data.map((e) => e.orderId)).not.toContain(placed.orderId);
      witness.unsubscribe();
      stream.unsubscribe();
      screen.close();
      manager.close();
    } finally {
      await checked.close();
    }
  });
});

describe('order placement limit', () => {
  test('one address placing more than its allowance a minute is refused, and nothing is written', async () => {
    // Its own database: limits are counted in the database, shared by every instance on it.
    const own = await createFixture();
    const tight = await startServer(own.db, { jobs: false, ordersPerMinute: 3 });
    try {
      const guest = connect(tight);
      for (let i = 0; i < 3; i++) await guest.trpc.order.place.mutate(own.order());
      const refused = guest.trpc.order.place.mutate(own.order({ notes: 'the fourth' }));
      await expect(refused).rejects.toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
      const manager = connect(tight, await own.login(guest, 'manager@demo.test'));
      const { orders } = await manager.trpc.order.list.query({ search: 'Grace', limit: 200 });
      expect(orders.length).toBeGreaterThanOrEqual(3);
      const { tickets } = await manager.trpc.kitchen.tickets.query({});
      expect(tickets.some((t) => t.notes === 'the fourth')).toBe(false);
      guest.close();
      manager.close();
    } finally {
      await tight.close();
      await own.db.close();
    }
  });
});

describe('subscription floods', () => {
  test('one sign-in holds at most 20 subscriptions; a closed one frees its place', async () => {
    const cook = connect(server, await fx.login(anonymous, 'kitchen@demo.test'));
    const streams = Array.from({ length: 20 }, () => subscribeKitchen(cook));
    await vi.waitFor(() => expect(streams.every((s) => s.received.started)).toBe(true));
    const extra = subscribeKitchen(cook);
    await vi.waitFor(() => expect(extra.received.errors).toHaveLength(1));
    expect(extra.received.errors[0]).toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    expect(streams.every((s) => s.received.errors.length === 0)).toBe(true);

    streams[0]?.unsubscribe();
    const again = subscribeKitchen(cook);
    await vi.waitFor(() => expect(again.received.started).toBe(true));
    for (const s of [...streams, again]) s.unsubscribe();
    cook.close();
  });
});
