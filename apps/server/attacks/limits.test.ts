import { outbox, staff } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Server } from '../src/test/harness.ts';
import { batch, codeOf, dataOf, mutate, query, signIn } from './support.ts';

/**
 * Limits that hold against batching, concurrency and several instances. The server believes
 * X-Forwarded-For (as behind a load balancer), so each test plays a client at its own address.
 */
let fx: Fixture;
let server: Server;
let other: Server;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, { jobs: false, trustProxy: true });
  // A second instance on the same database, as behind a load balancer.
  other = await startServer(fx.db, { jobs: false, trustProxy: true });
});
afterAll(async () => {
  await other.close();
  await server.close();
  await fx.db.close();
});

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const wrong = (email = 'kitchen@demo.test') => ({ email, password: 'not-the-password' });

async function failedLogins(email: string) {
  const [row] = await fx.db.db.select().from(staff).where(eq(staff.email, email));
  return { failed: row?.failedLogins ?? 0, locked: row?.lockedUntil !== null };
}

describe('attack: many passwords in one request', () => {
  test('a batch of a hundred sign-ins is refused whole, and counts against nobody', async () => {
    const before = await failedLogins('manager@demo.test');
    const calls = Array.from({ length: 100 }, () => ({
      path: 'auth.login',
      input: wrong('manager@demo.test'),
    }));
    const answer = await batch(server, calls, from('198.51.100.1'));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(answer.body)).not.toContain('email or password is not right');
    expect(await failedLogins('manager@demo.test')).toEqual(before);
  });

  test('sign-in, pairing and pickup codes are never batched, even two at a time', async () => {
    // A cook's own sign-in, as someone guessing pickup codes at the pass would have.
    const cook = await signIn(server, 'manager@demo.test');
    const pairs = [
      { path: 'auth.login', input: wrong('nobody@demo.test') },
      { path: 'device.pair', input: { code: 'AAAA-AAAA' } },
      { path: 'order.complete', input: { orderId: crypto.randomUUID(), pickupCode: '0000' } },
    ];
    for (const call of pairs) {
      const answer = await batch(server, [call, call], { token: cook, ...from('198.51.100.2') });
      const results = answer.body as unknown[];
      const codes = Array.isArray(results) ? results.map(codeOf) : [codeOf(answer)];
      expect(
        codes.every((c) => c === 'BAD_REQUEST'),
        `${call.path}: ${codes}`,
      ).toBe(true);
    }
  });
});

describe('attack: many passwords at once', () => {
  test('a hundred parallel sign-ins from one address: at most the allowance is tried', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        mutate(server, 'auth.login', wrong(`nobody${i}@demo.test`), from('198.51.100.3')),
      ),
    );
    const tried = answers.filter((a) => codeOf(a) === 'UNAUTHORIZED').length;
    expect(tried).toBeLessThanOrEqual(30);
    expect(answers.filter((a) => codeOf(a) === 'TOO_MANY_REQUESTS').length).toBe(100 - tried);
  });

  test('wrong passwords sent side by side lock the account as surely as one by one', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        mutate(server, 'auth.login', wrong('kitchen@demo.test'), from(`198.51.101.${i + 1}`)),
      ),
    );
    const right = await mutate(
      server,
      'auth.login',
      { email: 'kitchen@demo.test', password: 'demo' },
      from('198.51.101.99'),
    );
    expect(codeOf(right)).toBe('TOO_MANY_REQUESTS');
    expect((await failedLogins('kitchen@demo.test')).locked).toBe(true);
  });

  test('pairing codes cannot be guessed at leisure', async () => {
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        mutate(
          server,
          'device.pair',
          { code: `ZZZZ${String(1000 + i)}`.slice(0, 8) },
          from('198.51.100.4'),
        ).then(codeOf),
      ),
    );
    expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(30);
  });
});

describe('attack: spreading the tries', () => {
  test('two instances share one allowance', async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 20; i += 1) {
      for (const instance of [server, other]) {
        codes.push(
          codeOf(
            await mutate(
              instance,
              'auth.login',
              wrong(`spread${i}@demo.test`),
              from('198.51.100.5'),
            ),
          ),
        );
      }
    }
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(30);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });

  test('the addresses of one IPv6 network (/64) share one allowance', async () => {
    const codes: (string | null)[] = [];
    for (let i = 1; i <= 40; i += 1) {
      const address = `2001:db8:1:2:${i.toString(16)}::1`;
      codes.push(
        codeOf(await mutate(server, 'auth.login', wrong(`v6-${i}@demo.test`), from(address))),
      );
    }
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });
});

describe('attack: texts and email to any number at our cost', () => {
  test('one recipient gets a bounded number of messages a day, however many orders name them', async () => {
    const phone = '+15550009999';
    const email = 'pumped@example.com';
    for (let i = 0; i < 25; i += 1) {
      await mutate(
        server,
        'order.place',
        fx.order({
          customer: { name: 'Pump', phone, email, smsConsent: true, emailConsent: true },
        }),
        from(`203.0.113.${i + 1}`),
      );
    }
    const texts = await fx.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, phone), eq(outbox.channel, 'sms')));
    const mails = await fx.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, email), eq(outbox.channel, 'email')));
    // MESSAGES_PER_RECIPIENT_PER_DAY (20): the rest are kept, canceled, with the reason.
    const sendable = (rows: { status: string }[]) => rows.filter((r) => r.status !== 'canceled');
    expect(sendable(texts)).toHaveLength(20);
    expect(sendable(mails)).toHaveLength(20);
    expect(texts.find((r) => r.status === 'canceled')?.error).toMatch(/daily limit/);
  });
});

test('signing in still works for someone who is not attacking', async () => {
  expect(await signIn(server, 'owner@demo.test')).toMatch(/^kds_s_/);
});

describe('attack: a runaway or stolen screen empties the printer', () => {
  test('reprints past 60 in 10 minutes are refused, and queue nothing', async () => {
    // The cook's account is locked by the password attacks above; the owner works a screen too.
    const token = await signIn(server, 'owner@demo.test');
    const order = await mutate(server, 'order.place', fx.order(), from('192.0.2.77'));
    const orderId = (order.body as { result: { data: { orderId: string } } }).result.data.orderId;
    const codes: (string | null)[] = [];
    for (let i = 0; i < 70; i += 1) {
      const answer = await mutate(server, 'printing.print', { orderId, kind: 'chit' }, { token });
      codes.push(codeOf(answer));
    }
    // No printer is set up: each allowed press is refused for that reason, not queued.
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10);
    expect(
      codes.filter((c) => c !== 'TOO_MANY_REQUESTS').every((c) => c === 'UNPROCESSABLE_CONTENT'),
    ).toBe(true);
    const queued = await fx.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, orderId), eq(outbox.channel, 'print')));
    expect(queued).toEqual([]);
  });
});

describe('attack: guessing discount codes', () => {
  test('a client trying code after unknown code is refused after twenty; known codes cost nothing', async () => {
    const menu = dataOf<{ categories: { items: { id: string; name: string }[] }[] }>(
      await query(server, 'menu.forStore', { storeSlug: 'demo' }),
    );
    const lemonade = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Lemonade');
    const preview = (discountCode: string, address: string) =>
      query(
        server,
        'order.preview',
        {
          storeSlug: 'demo',
          items: [{ menuItemId: lemonade?.id, quantity: 3 }],
          fulfilment: { type: 'pickup' },
          discountCode,
        },
        from(address),
      );
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => preview(`GUESS${i}X`, '198.51.100.77')),
    );
    expect(guesses.map(codeOf)).toEqual(Array(20).fill(null));
    expect(codeOf(await preview('GUESS99X', '198.51.100.77'))).toBe('TOO_MANY_REQUESTS');
    // On the other instance too: the count is in the database.
    const elsewhere = await query(
      other,
      'order.preview',
      {
        storeSlug: 'demo',
        items: [{ menuItemId: lemonade?.id, quantity: 3 }],
        fulfilment: { type: 'pickup' },
        discountCode: 'GUESS100X',
      },
      from('198.51.100.77'),
    );
    expect(codeOf(elsewhere)).toBe('TOO_MANY_REQUESTS');

    // A guest whose code exists previews as often as the cart changes.
    const manager = await signIn(server, 'manager@demo.test');
    await mutate(
      server,
      'discount.create',
      { code: 'REAL10', kind: 'percent', value: 10 },
      { token: manager },
    );
    for (let i = 0; i < 25; i += 1) {
      expect(codeOf(await preview('REAL10', '198.51.100.78'))).toBeNull();
    }
  });
});
