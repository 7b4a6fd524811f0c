import { createSmtpMailer } from '@kds/api';
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

const HOUR = 3600_000;
// A whole minute, so "HH:MM" names the instant exactly.
const T0 = Math.floor(Date.now() / 60_000) * 60_000;
let clock = T0 - HOUR;
let fx: Fixture;
let smtp: FakeSmtp;
let one: Server;
let two: Server;
let guest: Client;
let manager: Client;

beforeAll(async () => {
  fx = await createFixture();
  smtp = await startFakeSmtp();
  const options = {
    mail: createSmtpMailer({ url: smtp.url, from: 'KDS <reports@demo.test>' }),
    now: () => new Date(clock),
    jobs: false,
  };
  // Two instances on one database, as behind a load balancer: each period goes out once.
  one = await startServer(fx.db, options);
  two = await startServer(fx.db, options);
  guest = connect(one);
  manager = connect(one, await fx.login(guest, 'manager@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await smtp.close();
});

const reportsReceived = () => smtp.received.filter((m) => /Subject: Demo Diner: the /.test(m.raw));
const runBoth = async () => {
  await Promise.all([one.app.jobs.runOnce(), two.app.jobs.runOnce()]);
  await Promise.all([one.app.jobs.runOnce(), two.app.jobs.runOnce()]);
};

describe('scheduled report emails', () => {
  test('a daily report at a local time, once per day across instances, with the orders attached', async () => {
    const { timezone } = (await manager.trpc.store.dashboard.query()).store;
    const sendAt = new Date(T0).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timezone,
    });
    const schedule = await manager.trpc.report.schedule.mutate({ frequency: 'daily', sendAt });
    expect(await manager.trpc.report.schedules.query()).toEqual([
      expect.objectContaining({ id: schedule?.id, frequency: 'daily', sendAt }),
    ]);
    await runBoth();
    expect(reportsReceived()).toEqual([]); // the next send is at sendAt, not now

    clock = T0;
    const order = await guest.trpc.order.place.mutate(fx.order());
    await runBoth();
    await vi.waitFor(() => expect(reportsReceived()).toHaveLength(1));
    expect(reportsReceived()[0]?.to).toEqual(['manager@demo.test']);

    clock = T0 + 24 * HOUR;
    await runBoth();
    await vi.waitFor(() => expect(reportsReceived()).toHaveLength(2));
    const mail = reportsReceived()[1]?.raw ?? '';
    expect(mail).toMatch(/Orders: 1/);
    expect(mail).toMatch(/Content-Type: text\/csv; charset=utf-8;\s+name=orders-\d{4}-\d\d-\d\d-/);
    const csv = Buffer.from(
      /filename=orders-[^\r\n]+\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail)?.[1] ?? '',
      'base64',
    ).toString();
    expect(csv.split('\n')[0]).toMatch(/^number,business_date,/);
    expect(csv).toContain(order.orderId);

    await runBoth();
    expect(reportsReceived()).toHaveLength(2);
  });

  test('a weekly report needs its day; a manager stops their own, not another', async () => {
    // The clock moved a day on: a fresh session.
    manager.close();
    manager = connect(one, await fx.login(guest, 'manager@demo.test'));
    await expect(
      manager.trpc.report.schedule.mutate({ frequency: 'weekly', sendAt: '07:00' }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    const weekly = await manager.trpc.report.schedule.mutate({
      frequency: 'weekly',
      weekday: 1,
      sendAt: '07:00',
    });
    const owner = connect(one, await fx.login(guest, 'owner@demo.test'));
    await expect(
      owner.trpc.report.unschedule.mutate({ id: weekly?.id ?? '' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    owner.close();
    await manager.trpc.report.unschedule.mutate({ id: weekly?.id ?? '' });
    expect((await manager.trpc.report.schedules.query()).map((s) => s.frequency)).toEqual([
      'daily',
    ]);
  });
});
