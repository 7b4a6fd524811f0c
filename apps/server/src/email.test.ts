import { createSmtpMailer } from '@kds/api';
import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
} from './test/harness.ts';

let fx: Fixture;
let smtp: SMTPServer;
let server: Server;
let guest: Client;
let manager: Client;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  fx = await createFixture();
  // A real SMTP server on a free port; nodemailer talks to it like to any other.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const mail = createSmtpMailer({
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    from: 'Demo Diner <orders@demo.test>',
  });
  server = await startServer(fx.db, { mail, jobs: false });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
});
afterAll(async () => {
  guest.close();
  manager.close();
  await server.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await fx.db.close();
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
});
