import {
  apiKeys,
  auditLog,
  devices,
  orderEvents,
  orderItems,
  orders,
  outbox,
  payments,
  staff,
  stations,
} from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { messageLabel } from '../outbox/labels.ts';
import type { OrderDetailInput } from './schemas.ts';
import { formatCents as money } from '../money.ts';

/** One line of an order's story: what happened, when, and who did it. */
export interface TimelineEntry {
  at: Date;
  kind: 'event' | 'message' | 'payment' | 'audit';
  what: string;
  who: string;
  detail: Record<string, unknown>;
}

const EVENT_WORDS: Record<string, string> = {
  'order.created': 'Order created, waiting for payment',
  'order.placed': 'Sent to the kitchen',
  'ticket.started': 'Kitchen started',
  'ticket.item_bumped': 'Item done',
  'ticket.bumped': 'Ready',
  'ticket.recalled': 'Recalled to the kitchen',
  'ticket.prioritized': 'Rushed',
  'order.canceled': 'Canceled',
  'order.items_added': 'Items added by the guest',
  'order.completed': 'Handed over',
  'order.dispatched': 'Out for delivery',
  'order.expired': 'Expired unpaid',
};

/**
 * Everything about one order of the manager's store: items, payments, messages, and a single
 * timeline of its events, messages, payments and staff actions, each with who did it.
 */
export async function orderDetail({ ctx, input }: { ctx: DomainContext; input: OrderDetailInput }) {
  const manager = requireManager(ctx);
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.storeId, manager.storeId)));
  if (!order) throw new NotFoundError('order', { orderId: input.orderId });

  const [items, paid, messages, events, audits] = await Promise.all([
    ctx.db
      .select({ item: orderItems, station: stations.name })
      .from(orderItems)
      .leftJoin(stations, eq(stations.id, orderItems.stationId))
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.position)),
    ctx.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
    ctx.db.select().from(outbox).where(eq(outbox.orderId, order.id)).orderBy(asc(outbox.createdAt)),
    ctx.db
      .select({
        event: orderEvents,
        staffName: staff.name,
        deviceName: devices.name,
        keyName: apiKeys.name,
      })
      .from(orderEvents)
      .leftJoin(staff, and(eq(orderEvents.actorKind, 'staff'), eq(staff.id, orderEvents.actorId)))
      .leftJoin(
        devices,
        and(eq(orderEvents.actorKind, 'device'), eq(devices.id, orderEvents.actorId)),
      )
      .leftJoin(
        apiKeys,
        and(eq(orderEvents.actorKind, 'api_key'), eq(apiKeys.id, orderEvents.actorId)),
      )
      .where(and(eq(orderEvents.storeId, order.storeId), eq(orderEvents.orderId, order.id)))
      .orderBy(asc(orderEvents.seq)),
    ctx.db
      .select({ entry: auditLog, staffName: staff.name })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId))
      .where(and(eq(auditLog.storeId, order.storeId), eq(auditLog.entityId, order.id)))
      .orderBy(asc(auditLog.createdAt)),
  ]);

  const timeline: TimelineEntry[] = [
    ...events.map(({ event, staffName, deviceName, keyName }) => ({
      at: event.createdAt,
      kind: 'event' as const,
      what: EVENT_WORDS[event.type] ?? event.type,
      who:
        event.actorKind === 'staff'
          ? (staffName ?? 'staff')
          : event.actorKind === 'device'
            ? `screen "${deviceName ?? '?'}"`
            : event.actorKind === 'api_key'
              ? `API key "${keyName ?? '?'}"`
              : event.actorKind === 'customer'
                ? 'guest'
                : 'system',
      detail: { type: event.type, seq: event.seq, ...eventDetail(event.payload) },
    })),
    ...messages.map((m) => ({
      at: m.sentAt ?? m.createdAt,
      kind: 'message' as const,
      what: `${messageLabel(m.template)}: ${m.status}${m.providerStatus ? ` (${m.providerStatus})` : ''}`,
      who: m.channel === 'refund' ? 'Stripe' : m.channel === 'webhook' ? 'integration' : 'system',
      detail: { channel: m.channel, recipient: m.recipient, attempts: m.attempts, error: m.error },
    })),
    ...paid.map((p) => ({
      at: p.createdAt,
      kind: 'payment' as const,
      what: `Payment ${p.status}${p.refundedCents ? `, ${money(p.refundedCents, p.currency)} refunded` : ''}${p.flag ? ` (flag: ${p.flag})` : ''}`,
      who: p.provider === 'stripe' || p.provider === 'simulated' ? 'Stripe' : p.provider,
      detail: { amountCents: p.amountCents, currency: p.currency },
    })),
    // Staff actions the event log already tells (a cancel) are not repeated.
    ...audits
      .filter(({ entry }) => !(entry.action in EVENT_WORDS))
      .map(({ entry, staffName }) => ({
        at: entry.createdAt,
        kind: 'audit' as const,
        what: entry.action,
        who: staffName ?? 'system',
        detail: { before: entry.before, after: entry.after },
      })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const { pickupCodeHash: _hash, idempotencyKey: _key, requestHash: _request, ...safe } = order;
  return {
    order: safe,
    items: items.map(({ item, station }) => ({ ...item, station })),
    payments: paid.map(({ checkoutUrl: _url, ...p }) => p),
    messages: messages.map(({ payload: _payload, ...m }) => ({
      ...m,
      label: messageLabel(m.template),
    })),
    timeline,
  };
}

function eventDetail(payload: Record<string, unknown>): Record<string, unknown> {
  const { reason, forced, priority } = payload as {
    reason?: string;
    forced?: boolean;
    priority?: number;
  };
  return {
    ...(reason ? { reason } : {}),
    ...(forced ? { forced } : {}),
    ...(priority !== undefined ? { priority } : {}),
  };
}
