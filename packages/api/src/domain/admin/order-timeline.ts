import type { AuditEntry, OrderEventRow, OutboxMessage, Payment } from '@kds/db';
import {
  auditEntry,
  EVENT_WORDS,
  eventEntry,
  messageEntry,
  paymentEntry,
} from './timeline-entries.ts';

/**
 * One line of an order's story: what happened, when, and who did it. `what` and `who` are in
 * English; `actor` and `detail` carry the codes a console translates them from.
 */
export interface TimelineEntry {
  at: Date;
  kind: 'event' | 'message' | 'payment' | 'audit';
  what: string;
  who: string;
  actor: {
    kind: 'staff' | 'screen' | 'apiKey' | 'guest' | 'system' | 'provider';
    name: string | null;
  };
  detail: Record<string, unknown>;
}

/** What an order's timeline is told from, as `orderDetail` reads it. */
export interface TimelineSources {
  events: {
    event: OrderEventRow;
    staffName: string | null;
    deviceName: string | null;
    keyName: string | null;
  }[];
  messages: OutboxMessage[];
  paid: Payment[];
  audits: { entry: AuditEntry; staffName: string | null }[];
}

/** One story of the order, oldest first: its events, messages, payments and staff actions. */
export function orderTimeline({
  events,
  messages,
  paid,
  audits,
}: TimelineSources): TimelineEntry[] {
  return [
    ...events.map(eventEntry),
    ...messages.map(messageEntry),
    ...paid.map(paymentEntry),
    // Staff actions the event log already tells (a cancel) are not repeated.
    ...audits.filter(({ entry }) => !(entry.action in EVENT_WORDS)).map(auditEntry),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
