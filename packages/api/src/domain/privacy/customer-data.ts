import {
  orderEvents,
  orderItems,
  orders,
  outbox,
  smsOptOuts,
  stores,
  type Transaction,
} from '@kds/db';
import { and, asc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';

export const CustomerInput = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'an international number like +15551234567')
      .optional(),
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .optional(),
  })
  .refine((c) => c.phone || c.email, { message: 'give a phone number or an email' });
export type CustomerInput = z.infer<typeof CustomerInput>;

const ERASED = '(erased)';

function matching(storeId: string, input: CustomerInput) {
  return and(
    eq(orders.storeId, storeId),
    or(
      input.phone ? eq(orders.customerPhone, input.phone) : undefined,
      input.email ? sql`lower(${orders.customerEmail}) = ${input.email}` : undefined,
    ),
  );
}

/** Everything this store holds about a guest, found by phone or email, as one document. */
export async function customerData({ ctx, input }: { ctx: DomainContext; input: CustomerInput }) {
  const { storeId } = requireManager(ctx);
  const found = await ctx.db
    .select()
    .from(orders)
    .where(matching(storeId, input))
    .orderBy(asc(orders.createdAt));
  const ids = found.map((o) => o.id);
  const recipients = [input.phone, input.email].filter((r): r is string => Boolean(r));
  const [items, messages, optOut] = await Promise.all([
    ids.length
      ? ctx.db.select().from(orderItems).where(inArray(orderItems.orderId, ids))
      : Promise.resolve([]),
    ctx.db
      .select({
        channel: outbox.channel,
        template: outbox.template,
        recipient: outbox.recipient,
        status: outbox.status,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
        orderId: outbox.orderId,
      })
      .from(outbox)
      .where(
        and(
          eq(outbox.storeId, storeId),
          or(
            ids.length ? inArray(outbox.orderId, ids) : undefined,
            recipients.length ? inArray(outbox.recipient, recipients) : undefined,
          ),
        ),
      ),
    input.phone
      ? ctx.db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, input.phone))
      : Promise.resolve([]),
  ]);
  return {
    subject: input,
    exportedAt: ctx.now().toISOString(),
    orders: found.map(
      ({ pickupCodeHash: _h, idempotencyKey: _k, requestHash: _r, trackingToken: _t, ...o }) => ({
        ...o,
        items: items
          .filter((i) => i.orderId === o.id)
          .map((i) => ({
            name: i.name,
            quantity: i.quantity,
            modifiers: i.modifiers.map((m) => m.name),
            notes: i.notes,
            lineTotalCents: i.lineTotalCents,
          })),
      }),
    ),
    messages,
    textOptOut: optOut[0] ? { since: optOut[0].optedOutAt } : null,
  };
}

/**
 * Erases a guest from the store: names, phone, email, addresses and notes on their orders, in
 * the event log and on queued messages become "(erased)"; amounts, items and times stay, so the
 * books and reports still add up. A STOP is kept: it is what stops us texting them again.
 * Owners only; the audit log records how much was erased, not who.
 */
export async function eraseCustomer({ ctx, input }: { ctx: DomainContext; input: CustomerInput }) {
  const owner = requireManager(ctx);
  if (owner.role !== 'owner') throw new ForbiddenError('only an owner erases guest data');
  return ctx.db.transaction(async (tx) => {
    const found = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(matching(owner.storeId, input));
    const ids = found.map((o) => o.id);
    const recipients = [input.phone, input.email].filter((r): r is string => Boolean(r));
    if (ids.length === 0 && recipients.length === 0) throw new ValidationError('nothing to erase');
    if (ids.length) {
      await tx
        .update(orders)
        .set({
          customerName: ERASED,
          customerPhone: null,
          customerEmail: null,
          deliveryAddress: null,
          deliveryPostcode: null,
          notes: '',
          smsConsent: false,
          callConsent: false,
          emailConsent: false,
        })
        .where(inArray(orders.id, ids));
      await tx.update(orderItems).set({ notes: '' }).where(inArray(orderItems.orderId, ids));
      await scrubEvents(tx, owner.storeId, ids);
    }
    const messages = await tx
      .update(outbox)
      .set({ recipient: ERASED, payload: {} })
      .where(
        and(
          eq(outbox.storeId, owner.storeId),
          or(
            ids.length ? inArray(outbox.orderId, ids) : undefined,
            inArray(outbox.recipient, recipients),
          ),
        ),
      )
      .returning({ id: outbox.id });
    await recordAudit(tx, owner, {
      action: 'privacy.customer_erased',
      entity: 'customer',
      after: { orders: ids.length, messages: messages.length },
    });
    return { orders: ids.length, messages: messages.length };
  });
}

/**
 * The copies of the guest's words inside the event log: the name and notes on `order.placed`
 * tickets, and the notes on every item (placed or added later), which can say who they are.
 */
async function scrubEvents(tx: Transaction, storeId: string, orderIds: string[]) {
  const notesRemoved = (items: SQL) => sql`coalesce(
    (select jsonb_agg(item || '{"notes": ""}'::jsonb) from jsonb_array_elements(${items}) item),
    '[]'::jsonb)`;
  const ours = and(eq(orderEvents.storeId, storeId), inArray(orderEvents.orderId, orderIds));
  await tx
    .update(orderEvents)
    .set({
      payload: sql`jsonb_set(jsonb_set(jsonb_set(${orderEvents.payload},
        '{ticket,customerName}', to_jsonb(${ERASED}::text)),
        '{ticket,notes}', '""'::jsonb),
        '{ticket,items}', ${notesRemoved(sql`${orderEvents.payload}->'ticket'->'items'`)})`,
    })
    .where(and(ours, eq(orderEvents.type, 'order.placed')));
  await tx
    .update(orderEvents)
    .set({
      payload: sql`jsonb_set(${orderEvents.payload}, '{items}', ${notesRemoved(sql`${orderEvents.payload}->'items'`)})`,
    })
    .where(and(ours, eq(orderEvents.type, 'order.items_added')));
}

/**
 * Retention: message details older than the store's limit (default 90 days) lose who they went
 * to and what they carried, and calls their provider id and length; status and cost stay for
 * the reports.
 */
export async function applyRetention(ctx: DomainContext): Promise<number> {
  let scrubbed = 0;
  for (const store of await ctx.db.select().from(stores)) {
    const days = store.settings.retentionDays ?? 90;
    const cutoff = new Date(ctx.now().getTime() - days * 86_400_000);
    const rows = await ctx.db
      .update(outbox)
      .set({
        recipient: ERASED,
        payload: {},
        providerId: sql`case when ${outbox.channel} = 'call' then null else ${outbox.providerId} end`,
        durationSeconds: null,
      })
      .where(
        and(
          eq(outbox.storeId, store.id),
          lt(outbox.createdAt, cutoff),
          sql`${outbox.recipient} <> ${ERASED}`,
          inArray(outbox.status, ['sent', 'failed']),
        ),
      )
      .returning({ id: outbox.id });
    scrubbed += rows.length;
  }
  return scrubbed;
}
