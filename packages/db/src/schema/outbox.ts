import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { outboxChannel, outboxStatus } from './enums.ts';
import { orders } from './orders.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/** Side effects (SMS, calls, email, outgoing webhooks, refunds) leave through here. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    orderId: uuid().references(() => orders.id),
    channel: outboxChannel().notNull(),
    /** One message per (store, key): e.g. `order:<id>:sms:ready`. */
    dedupeKey: text().notNull(),
    recipient: text().notNull(),
    template: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    providerId: text(),
    providerStatus: text(),
    error: text(),
    /** Provider cost in millionths of the currency unit (SMS cost fractions of a cent). */
    costMicros: bigint({ mode: 'number' }),
    /** Length of a voice call, from the provider's final report. */
    durationSeconds: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.dedupeKey),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index().on(t.storeId, t.createdAt),
    index().on(t.providerId),
    // Messages to one recipient in the last day (the per-recipient daily limit).
    index('outbox_recipient_idx').on(t.channel, t.recipient, t.createdAt),
    check('outbox_attempts_nonnegative', sql`${t.attempts} >= 0`),
  ],
);

/** Numbers that replied STOP: nothing more is texted to them until they reply START. */
export const smsOptOuts = pgTable('sms_opt_outs', {
  phone: text().primaryKey(),
  optedOutAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** An integrator's endpoint: the store's events it wants, signed with its own secret. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    url: text().notNull(),
    /** Shared with the integrator once, to check the `KDS-Signature` header. */
    secret: text().notNull(),
    /** Event types to deliver (`order.placed`, ...); `*` for all. */
    eventTypes: text().array().notNull(),
    active: boolean().notNull().default(true),
    /** When deliveries started failing without a success since; null while it answers. */
    failingSince: timestamp({ withTimezone: true }),
    /** What the endpoint last answered when it failed, for the dashboard. */
    lastError: text(),
    /** When the store's managers were told of the current failure (once per incident). */
    alertedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    index().on(t.storeId),
    check('webhook_endpoints_url_format', sql`${t.url} ~ '^https?://'`),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type NewOutboxMessage = typeof outbox.$inferInsert;
