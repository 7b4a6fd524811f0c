import {
  discountRedemptions,
  orderEvents,
  orderItems,
  orders,
  outbox,
  type Transaction,
} from '@kds/db';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { ERASED, guestIn, matching } from './internal.ts';
import type { CustomerInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * Erases a guest from the store: names, phone, email, addresses and notes on their orders, in
 * the event log and on queued messages become "(erased)"; amounts, items and times stay, so the
 * books and reports still add up. A STOP is kept: it is what stops us texting them again.
 * Owners only; the audit log records how much was erased, not who.
 */
export async function eraseCustomer({
  ctx,
  input: typed,
}: {
  ctx: DomainContext;
  input: CustomerInput;
}) {
  const owner = requireManager(ctx);
  return inStore(ctx, owner.storeId, async (tx) => {
    if (owner.role !== 'owner') throw new ForbiddenError({ key: 'access.ownerErases' });
    const input = await guestIn(tx, owner.storeId, typed);
    const found = await tx.db
      .select({ id: orders.id })
      .from(orders)
      .where(matching(owner.storeId, input));
    const ids = found.map((o) => o.id);
    const recipients = [input.phone, input.email].filter((r): r is string => Boolean(r));
    if (ids.length === 0 && recipients.length === 0)
      throw new ValidationError({ key: 'admin.nothingToErase' });
    if (ids.length) await eraseFromOrders(tx.db, owner.storeId, ids);
    const messages = await tx.db
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
    await recordAudit(tx.db, owner, {
      action: 'privacy.customer_erased',
      entity: 'customer',
      after: { orders: ids.length, messages: messages.length },
    });
    return { orders: ids.length, messages: messages.length };
  });
}

/** Their words on their orders, items and in the event log; their discount uses unlinked. */
async function eraseFromOrders(db: Transaction, storeId: string, ids: string[]) {
  await db
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
  await db.update(orderItems).set({ notes: '' }).where(inArray(orderItems.orderId, ids));
  // Their discount uses stay counted, but no longer tied to them.
  await db
    .update(discountRedemptions)
    .set({ guestKey: null })
    .where(inArray(discountRedemptions.orderId, ids));
  await scrubEvents(db, storeId, ids);
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
