import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appRouter } from '../../root.ts';
import { createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import type { Email } from '../notifications/email.ts';
import { emailSender, smsSender } from '../../index.ts';
import { runOutbox } from '../outbox/run-outbox.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('the Services card', () => {
  test('a test text and email go through the outbox and providers; failures show', async () => {
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    // This server "has" Twilio and SMTP: real providers, as the console reports them.
    const ctx = h.ctx(manager);
    const connected = {
      ...ctx,
      config: { ...ctx.config, services: { ...ctx.config.services, sms: 'twilio', email: 'smtp' } },
    } as const;
    const caller = appRouter.createCaller(connected);
    const before = await caller.store.services();
    expect(before.map((s) => [s.service, s.state])).toEqual([
      ['payments', 'simulated'],
      ['sms', 'connected'],
      ['call', 'connected'],
      ['email', 'connected'],
      ['webhook', 'off'],
    ]);

    await caller.store.sendTest({ channel: 'sms', to: '+15550001111' });
    await caller.store.sendTest({ channel: 'email', to: 'me@demo.test' });
    const mails: Email[] = [];
    await runOutbox(connected, {
      maxAttempts: 1,
      senders: {
        sms: smsSender({
          send: async () => {
            throw new Error('Twilio: the From number is not yours (21606)');
          },
        }),
        email: emailSender({ send: async (mail) => (mails.push(mail), { id: 'mail-1' }) }),
      },
    });
    expect(mails[0]).toMatchObject({ to: 'me@demo.test', subject: 'KDS test from Demo Diner' });
    const after = await caller.store.services();
    expect(after.find((s) => s.service === 'email')).toMatchObject({ state: 'connected' });
    expect(after.find((s) => s.service === 'email')?.lastSuccessAt).toBeInstanceOf(Date);
    expect(after.find((s) => s.service === 'sms')).toMatchObject({
      state: 'failing',
      lastError: { message: expect.stringContaining('21606') },
    });
    const rows = await h.db.select().from(outbox).where(eq(outbox.storeId, h.demo.storeId));
    expect(rows.map((r) => r.template).sort()).toEqual(['email.service_test', 'sms.service_test']);
  });

  test('without providers the card says simulated; bad addresses and cooks are refused', async () => {
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    const services = await h.caller(manager).store.services();
    expect(services.find((s) => s.service === 'sms')).toMatchObject({
      state: 'simulated',
      provider: 'Recorded only',
    });
    expect(
      await trpcCodeOf(h.caller(manager).store.sendTest({ channel: 'sms', to: 'call me' })),
    ).toBe('BAD_REQUEST');
    // Typed as dialled in the store's country (the US): seven digits are not a number there.
    expect(
      await trpcCodeOf(h.caller(manager).store.sendTest({ channel: 'sms', to: '555-1234' })),
    ).toBe('UNPROCESSABLE_CONTENT');
    const cook = await h.staffOf(h.demo.storeId, 'kitchen');
    expect(
      await trpcCodeOf(h.caller(cook).store.sendTest({ channel: 'email', to: 'a@b.test' })),
    ).toBe('FORBIDDEN');
  });
});
