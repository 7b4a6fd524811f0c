import {
  orderItems,
  orders,
  outbox,
  staff,
  stores,
  type OutboxMessage,
  type StoreSettings,
} from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  speakSpanishInMexico,
  type Harness,
} from '../../test/fixtures.ts';
import type { Principal } from '../context.ts';
import { chitDocument, receiptDocument } from '../printing/documents.ts';
import { scheduledReportEmail } from '../reports/report-email.ts';
import { callSender } from './call.ts';
import { emailSender, type Email } from './email.ts';
import { smsSender } from './sms.ts';

// A Mexico City store that speaks Spanish first and English second, in pesos.
let h: Harness;
let manager: Principal & { kind: 'staff' };
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
  await speakSpanishInMexico(h, (settings) => ({
    ...settings,
    notifications: { ...settings.notifications, sms: true, call: true, email: true },
  }));
});
afterAll(() => h.close());

const guest = {
  name: 'Lupita',
  phone: '+525512345678',
  email: 'lupita@example.mx',
  smsConsent: true,
  callConsent: true,
  emailConsent: true,
};

async function place(language?: 'es' | 'en', overrides: Record<string, unknown> = {}) {
  const placed = await h
    .caller()
    .order.place(
      counterOrder(h.demo, { customer: guest, ...(language ? { language } : {}), ...overrides }),
    );
  const [order] = await h.db.select().from(orders).where(eq(orders.id, placed.orderId));
  if (!order) throw new Error('no order');
  return order;
}

async function queued(orderId: string, template: string): Promise<OutboxMessage> {
  const [message] = await h.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orderId, orderId), eq(outbox.template, template)));
  if (!message) throw new Error(`nothing queued for ${template}`);
  return message;
}

/** What the real senders hand their transports, for one queued message. */
async function sent(orderId: string, template: string) {
  const message = await queued(orderId, template);
  const out: { text?: string; words?: string; locale?: string; email?: Email } = {};
  if (template.startsWith('sms.')) {
    await smsSender({ send: async (_to, body) => ((out.text = body), { id: 'sms' }) })(
      message,
      h.ctx(),
    );
  } else if (template.startsWith('call.')) {
    await callSender({
      call: async (_to, words, locale) => ((out.words = words), (out.locale = locale), { id: 'c' }),
    })(message, h.ctx());
  } else {
    await emailSender({ send: async (email) => ((out.email = email), { id: 'e' }) })(
      message,
      h.ctx(),
    );
  }
  return out;
}

async function readyOrder(orderId: string) {
  const caller = h.caller(manager);
  await caller.ticket.bump({ orderId, force: true });
}

describe('messages in the language the guest ordered in', () => {
  test('a Spanish guest is texted, called and emailed in Spanish, with pesos', async () => {
    const order = await place('es');
    expect(order.language).toBe('es');
    const confirmation = await sent(order.id, 'sms.confirmation');
    expect(confirmation.text).toMatch(
      new RegExp(`^Demo Diner: recibimos tu pedido #${order.number}\\. Síguelo aquí: `),
    );
    expect(confirmation.text).toMatch(/Código de recogida: \d{6}\.$/);

    const email = (await sent(order.id, 'email.confirmation')).email;
    expect(email?.subject).toBe(`Tu pedido #${order.number} en Demo Diner`);
    expect(email?.text).toContain('¡Gracias!');
    // Pesos as Mexico writes them: "$" with two decimals.
    expect(email?.text).toMatch(/Total {2}\$\d+\.\d{2}\n/);

    await readyOrder(order.id);
    expect((await sent(order.id, 'sms.ready')).text).toMatch(
      new RegExp(`^Demo Diner: ¡tu pedido #${order.number} está listo! Muestra el código \\d{6}`),
    );
    const call = await sent(order.id, 'call.ready');
    expect(call.words).toContain(`Su pedido número ${order.number} está listo.`);
    expect(call.locale).toBe('es-MX');
  });

  test('an English guest in the same store reads English, and is called in English', async () => {
    const order = await place('en');
    const text = (await sent(order.id, 'sms.confirmation')).text;
    expect(text).toMatch(new RegExp(`^Demo Diner: order #${order.number} received\\.`));
    await readyOrder(order.id);
    // English as Mexico writes it; the call's voice is chosen from it (see twilio.test.ts).
    expect((await sent(order.id, 'call.ready')).locale).toBe('en-MX');
  });

  test('a language the store does not offer falls back to its first', async () => {
    await h.db
      .update(stores)
      .set({ guestLanguages: ['es'] })
      .where(eq(stores.id, h.demo.storeId));
    try {
      const order = await place('en');
      expect(order.language).toBeNull();
      expect((await sent(order.id, 'sms.confirmation')).text).toContain('recibimos tu pedido');
    } finally {
      await h.db
        .update(stores)
        .set({ guestLanguages: ['es', 'en'] })
        .where(eq(stores.id, h.demo.storeId));
    }
  });

  test('a payment link states the total and the deadline as the guest reads them', async () => {
    const entered = await h.caller(manager).order.enter({
      ...counterOrder(h.demo, { customer: guest, language: 'es' }),
      payment: 'link',
      sendLinkBy: { sms: true, email: false },
    });
    const text = (await sent(entered.orderId, 'sms.payment_link')).text ?? '';
    expect(text).toMatch(/^Demo Diner: paga tu pedido #\d+ \(\$\d+\.\d{2}\) aquí: /);
    // Mexico reads a 12-hour clock: "lun 4:44 p.m.".
    expect(text).toMatch(/El enlace funciona hasta el \S+ \d{1,2}:\d{2}\s[ap]\.\s?m\./);
  });

  test('a store’s own wording is for guests in its first language only', async () => {
    const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
    const settings = store?.settings as StoreSettings;
    await h.db
      .update(stores)
      .set({
        settings: {
          ...settings,
          notifications: {
            ...settings.notifications,
            templates: { smsConfirmation: '¡{store} tiene tu pedido {number}!' },
          },
        },
      })
      .where(eq(stores.id, h.demo.storeId));
    const spanish = await place('es');
    const english = await place('en');
    expect((await sent(spanish.id, 'sms.confirmation')).text).toBe(
      `¡Demo Diner tiene tu pedido ${spanish.number}!`,
    );
    expect((await sent(english.id, 'sms.confirmation')).text).toMatch(/^Demo Diner: order #/);
  });
});

/** What a printer is handed for an order: the store, the order, its lines. */
async function placedWithItems(language: 'es' | 'en') {
  const order = await place(language);
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  const items = await h.db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
  if (!store) throw new Error('no store');
  return { store, order, items };
}

async function rendered(message: OutboxMessage): Promise<Email> {
  let out: Email | undefined;
  await emailSender({ send: async (email) => ((out = email), { id: 'e' }) })(message, h.ctx());
  if (!out) throw new Error('nothing sent');
  return out;
}

describe('what the server writes to staff, in the store staff language', () => {
  test('a kitchen chit in Spanish on the store clock; the receipt in the guest language', async () => {
    const english = await placedWithItems('en');
    const chit = chitDocument({ ...english, station: null, reprint: true, now: new Date() });
    expect(chit).toContain('REIMPRESIÓN');
    expect(chit).toContain('TODAS LAS ESTACIONES');
    expect(chit).toMatch(/impreso \d{1,2}:\d\d\sp\.\s?m\.|impreso \d{1,2}:\d\d\sa\.\s?m\./);
    const receipt = receiptDocument(english);
    expect(receipt).toContain('Subtotal');
    expect(receipt).toContain('Payment: at the counter');
    expect(receipt).toContain('Thank you!');
    expect(receipt).toMatch(/\^TOTAL \| \^MX\$\d+\.\d\d/);
    const spanish = receiptDocument(await placedWithItems('es'));
    expect(spanish).toContain('Pago: en el mostrador');
    expect(spanish).toContain('¡Gracias!');
  });

  test('an invitation in Spanish, or in the language the invitee already chose', async () => {
    const invitation = async (email: string) => {
      await h.caller(manager).staff.create({ name: 'Memo', email, role: 'kitchen' });
      const [message] = await h.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, 'email.staff_invitation'), eq(outbox.recipient, email)));
      if (!message) throw new Error('no invitation queued');
      return rendered(message);
    };
    const email = await invitation('memo@demo.mx');
    expect(email.subject).toBe('Únete a Demo Diner en KDS');
    expect(email.text).toMatch(/te invitó a unirte a Demo Diner en KDS como personal de cocina\./);
    expect(email.text).toMatch(/El enlace funciona durante \d+ días\./);

    // Someone who works at another store and reads KDS in English.
    const { storeId } = await createOtherStore(h.db);
    const elsewhere = await h.staffOf(storeId, 'kitchen');
    await h.caller(elsewhere).auth.setLanguage({ language: 'en' });
    const [them] = await h.db.select().from(staff).where(eq(staff.id, elsewhere.staffId));
    const english = await invitation(them?.email ?? '');
    expect(english.subject).toBe('Join Demo Diner on KDS');
    expect(english.text).toMatch(/invited you to join Demo Diner on KDS as kitchen staff\./);
  });

  test('the scheduled report in Spanish, with pesos and dates as Mexico writes them', async () => {
    await placedWithItems('es');
    const today = new Date().toISOString().slice(0, 10);
    const email = await scheduledReportEmail(h.ctx(), {
      storeId: h.demo.storeId,
      payload: { from: today, to: today, frequency: 'daily' },
    } as unknown as OutboxMessage);
    expect(email.subject).toMatch(/^Demo Diner: el día \d{1,2} [a-z]{3}\.? \d{4}$/);
    expect(email.text).toMatch(/\nPedidos: \d+\n/);
    expect(email.text).toMatch(/\nIngresos: \$[\d,]+\.\d\d\n/);
    expect(email.text).toContain('Gráficos y más: ');
  });
});
