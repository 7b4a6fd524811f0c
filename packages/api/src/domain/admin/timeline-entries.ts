import type { OrderEventRow, OutboxMessage, Payment } from '@kds/db';
import { formatCents as money } from '../money.ts';
import { messageLabel } from '../outbox/labels.ts';
import type { TimelineEntry, TimelineSources } from './order-timeline.ts';

export const EVENT_WORDS: Record<string, string> = {
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

// Each record of an order as one line of its timeline: what happened, who did it, the details.
export function eventEntry({
  event,
  staffName,
  deviceName,
  keyName,
}: TimelineSources['events'][number]): TimelineEntry {
  return {
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
    actor: actorOf(event.actorKind, staffName ?? deviceName ?? keyName),
    detail: { type: event.type, seq: event.seq, ...eventDetail(event.payload) },
  };
}

export function messageEntry(m: OutboxMessage): TimelineEntry {
  return {
    at: m.sentAt ?? m.createdAt,
    kind: 'message' as const,
    what: `${messageLabel(m.template)}: ${m.status}${m.providerStatus ? ` (${m.providerStatus})` : ''}`,
    who: m.channel === 'refund' ? 'Stripe' : m.channel === 'webhook' ? 'integration' : 'system',
    actor: { kind: 'system' as const, name: null },
    detail: {
      channel: m.channel,
      recipient: m.recipient,
      attempts: m.attempts,
      error: m.error,
      template: m.template,
      status: m.status,
      providerStatus: m.providerStatus,
    },
  };
}

export function paymentEntry(p: Payment): TimelineEntry {
  return {
    at: p.createdAt,
    kind: 'payment' as const,
    what: `Payment ${p.status}${p.refundedCents ? `, ${money(p.refundedCents, p.currency)} refunded` : ''}${p.flag ? ` (flag: ${p.flag})` : ''}`,
    who: p.provider === 'stripe' || p.provider === 'simulated' ? 'Stripe' : p.provider,
    actor: { kind: 'provider' as const, name: p.provider },
    detail: {
      amountCents: p.amountCents,
      currency: p.currency,
      status: p.status,
      refundedCents: p.refundedCents,
      flag: p.flag,
    },
  };
}

export function auditEntry({ entry, staffName }: TimelineSources['audits'][number]): TimelineEntry {
  return {
    at: entry.createdAt,
    kind: 'audit',
    what: entry.action,
    who: staffName ?? 'system',
    actor: staffName ? { kind: 'staff', name: staffName } : { kind: 'system', name: null },
    detail: { before: entry.before, after: entry.after },
  };
}

function actorOf(kind: OrderEventRow['actorKind'], name: string | null): TimelineEntry['actor'] {
  switch (kind) {
    case 'staff':
      return { kind: 'staff', name };
    case 'device':
      return { kind: 'screen', name };
    case 'api_key':
      return { kind: 'apiKey', name };
    case 'customer':
      return { kind: 'guest', name: null };
    default:
      return { kind: 'system', name: null };
  }
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
