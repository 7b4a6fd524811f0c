import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { storeIsolation } from './tenancy.ts';

export type OrderTypeKey = 'dine_in' | 'pickup' | 'delivery';

/** Minutes after which a ticket turns amber (warn) and red (late). */
export interface TicketThresholds {
  warnMinutes: number;
  lateMinutes: number;
}

/** One opening interval; `day` is 0 (Sunday) to 6, times are store-local "HH:MM". */
export interface OpeningInterval {
  day: number;
  opens: string;
  closes: string;
}

/** Messages a store can word itself; placeholders such as `{number}` and `{link}` are filled in. */
export type MessageTemplateKey =
  'smsConfirmation' | 'smsStarted' | 'smsReady' | 'callReady' | 'smsOnTheWay' | 'smsPaymentLink';

export interface NotificationSettings {
  sms: boolean;
  call: boolean;
  email: boolean;
  /** Who is emailed about each new paid order (none: off). */
  staffEmails: string[];
  /** "The kitchen has your order, expected at ..." when cooking starts (default off). */
  smsStarted?: boolean;
  templates?: Partial<Record<MessageTemplateKey, string>>;
  /** Managers texted when a kitchen screen is offline or behind during opening hours. */
  escalation?: { phones: string[]; afterMinutes: number };
}

export interface StoreSettings {
  paymentMode: 'online' | 'counter' | 'both';
  ticketThresholds: Record<OrderTypeKey, TicketThresholds>;
  notifications: NotificationSettings;
  pickupCodeRequired: boolean;
  /** Tax in basis points (825 = 8.25 %), added on top of the discounted subtotal. */
  taxRateBps: number;
  tipPresetsPercent: number[];
  deliveryRadiusMeters: number;
  defaultPrepMinutes: number;
  paymentExpiryMinutes: number;
  /** How long a payment link staff send for a phone order works (default 24 hours, up to 48). */
  paymentLinkMinutes?: number;
  /** Minutes a webhook endpoint may keep failing before managers are told (default 15). */
  webhookAlertMinutes?: number;
  /** The number guests call; shown where they may need to (an expired payment link). */
  phone?: string;
  /** Where deliveries start from; without it the store does not deliver. */
  location?: { latitude: number; longitude: number };
  /** How long a pickup code works after the order is ready (default 60 minutes). */
  pickupCodeValidMinutes?: number;
  /** Guests may add items to an order the kitchen has not started (default true). */
  allowAddToOrder?: boolean;
  /** Scheduled orders the kitchen takes per 15-minute pickup slot (default 6). */
  scheduledSlotCapacity?: number;
  /** Days message details (who, what, call logs) are kept (default 90). */
  retentionDays?: number;
}

/** Why and until when one kind of online order is paused. */
export interface OrderingPause {
  reason: string;
  /** ISO instant when ordering resumes by itself. */
  until: string;
}

/**
 * How the kitchen controls the flow at peak: paused fulfilment types, minutes added to every
 * quote, and a cap on ASAP orders per 15-minute window that shrinks as the kitchen fills.
 */
export interface Pacing {
  pauses: Partial<Record<OrderTypeKey, OrderingPause>>;
  extraMinutes: number;
  throttle: { enabled: boolean; asapPerWindow: number };
}

export const DEFAULT_PACING: Pacing = {
  pauses: {},
  extraMinutes: 0,
  throttle: { enabled: false, asapPerWindow: 20 },
};

export const stores = pgTable(
  'stores',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    timezone: text().notNull().default('UTC'),
    currency: text().notNull().default('USD'),
    /** Language and region ("es-MX"): the clock (12- or 24-hour), formats, phone country. */
    locale: text().notNull().default('en-US'),
    /** What the kitchen and the admin console speak, unless a person chose their own. */
    staffLanguage: text().notNull().default('en'),
    /** The languages guests may choose, the first being the default. */
    guestLanguages: text()
      .array()
      .notNull()
      .default(sql`'{en}'::text[]`),
    openingHours: jsonb().$type<OpeningInterval[]>().notNull().default([]),
    settings: jsonb().$type<StoreSettings>().notNull(),
    pacing: jsonb().$type<Pacing>().notNull().default(DEFAULT_PACING),
    /** Last event sequence handed out for this store; see ARCHITECTURE.md, "Live events". */
    eventSeq: bigint({ mode: 'number' }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.id),
    check('stores_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('stores_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('stores_guest_languages_nonempty', sql`cardinality(${t.guestLanguages}) > 0`),
    check('stores_event_seq_nonnegative', sql`${t.eventSeq} >= 0`),
  ],
);

export type Store = typeof stores.$inferSelect;
export type NewStore = typeof stores.$inferInsert;
