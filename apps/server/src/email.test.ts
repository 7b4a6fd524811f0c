import { createSmtpMailer } from '@kds/api';
import { outbox, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startFakeSmtp, type FakeSmtp } from './test/fake-smtp.ts';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

let fx: Fixture;
let smtp: FakeSmtp;
let server: Server;
let guest: Client;
let manager: Client;
let received: FakeSmtp['received'];

beforeAll(async () => {
  fx = await createFixture();
  smtp = await startFakeSmtp();
  received = smtp.received;
  const mail = createSmtpMailer({ url: smtp.url, from: 'Demo Diner <orders@demo.test>' });
  server = await startServer(fx.db, { mail, jobs: false });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await smtp.close();
});

const withEmail = () =>
  guest.trpc.order.place.mutate(
    fx.order({
      fulfilment: { type: 'pickup' },
      customer: { name: 'Ada', email: 'ada@example.test', emailConsent: true },
    }),
  );

describe('email to guests over SMTP', () => {
  test('placing sends one confirmation with the receipt, in text and HTML', async () => {
    const order = await withEmail();
    const before = received.length;
    await server.app.jobs.runOnce();
    await server.app.jobs.runOnce();
    await vi.waitFor(() => expect(received.length).toBe(before + 1));
    const mail = received[before];
    expect(mail?.to).toEqual(['ada@example.test']);
    expect(mail?.raw).toMatch(/Subject: Your order #\d+ at Demo Diner/);
    expect(mail?.raw).toContain('text/plain');
    expect(mail?.raw).toContain('text/html');
    expect(mail?.raw).toContain(`/track/${order.trackingToken}`);
    const [row] = await fx.db.db.select().from(outbox).where(eq(outbox.orderId, order.orderId));
    expect(row).toMatchObject({ channel: 'email', status: 'sent' });
  });

  test('a cancellation sends its notice, and no consent means no email', async () => {
    const order = await withEmail();
    await server.app.jobs.runOnce();
    const before = received.length;
    await manager.trpc.order.cancel.mutate({
      orderId: order.orderId,
      reason: 'kitchen closed early',
    });
    await server.app.jobs.runOnce();
    await vi.waitFor(() => expect(received.length).toBe(before + 1));
    expect(received[before]?.raw).toMatch(/Subject: Order #\d+ canceled/);

    const silent = await guest.trpc.order.place.mutate(
      fx.order({ customer: { name: 'Bo', email: 'bo@example.test' } }),
    );
    expect(await fx.db.db.select().from(outbox).where(eq(outbox.orderId, silent.orderId))).toEqual(
      [],
    );
  });

  test('staff on the list get one email per new paid order; nobody when the list is empty', async () => {
    const [store] = await fx.db.db.select().from(stores).where(eq(stores.id, fx.storeId));
    if (!store) throw new Error('no store');
    const original = store.settings;
    const staffEmails = ['kitchen-lead@demo.test', 'owner@demo.test'];
    await fx.db.db
      .update(stores)
      .set({ settings: { ...original, notifications: { ...original.notifications, staffEmails } } })
      .where(eq(stores.id, fx.storeId));
    try {
      const order = await guest.trpc.order.place.mutate(fx.order({ notes: 'ring the bell' }));
      const before = received.length;
      await server.app.jobs.runOnce();
      await vi.waitFor(() => expect(received.length).toBe(before + 2));
      const mails = received.slice(before);
      expect(mails.map((m) => m.to[0]).sort()).toEqual(staffEmails);
      expect(mails[0]?.raw).toMatch(
        new RegExp(`Subject: New order #${order.number} \\(dine-in\\)`),
      );
      expect(mails[0]?.raw).toContain('ring the bell');
      expect(mails[0]?.raw).toContain(`/admin/orders/${order.orderId}`);
    } finally {
      await fx.db.db.update(stores).set({ settings: original }).where(eq(stores.id, fx.storeId));
    }
    const quiet = await guest.trpc.order.place.mutate(fx.order());
    expect(await fx.db.db.select().from(outbox).where(eq(outbox.orderId, quiet.orderId))).toEqual(
      [],
    );
  });

  test('a phone order gets its payment link by email, once', async () => {
    const order = await guest.trpc.order.place.mutate(
      fx.order({
        payment: 'online',
        fulfilment: { type: 'pickup' },
        customer: { name: 'Cy', email: 'cy@example.test' },
      }),
    );
    const link = await manager.trpc.payment.link.mutate({ orderId: order.orderId, email: true });
    expect(link.sent.email).toBe(true);
    const again = await manager.trpc.payment.link.mutate({ orderId: order.orderId, email: true });
    expect(again.sent.email).toBe(false);
    const before = received.length;
    await server.app.jobs.runOnce();
    await vi.waitFor(() => expect(received.length).toBe(before + 1));
    expect(received[before]?.to).toEqual(['cy@example.test']);
    expect(received[before]?.raw).toMatch(/Subject: Pay for your order #\d+/);
    // The order's own page, which outlives any one checkout session.
    expect(link.payUrl).toMatch(new RegExp(`/track/${order.trackingToken}$`));
    expect(received[before]?.raw).toContain(link.payUrl);
    expect(received[before]?.raw).toMatch(/The link works until \w{3} \d{1,2}:\d\d\W[AP]M/);
  });
});
