import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orders } from './orders.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/**
 * Append-only log; the source of truth for live screens, audit and timing analytics.
 * `seq` is taken from `stores.event_seq` inside the writing transaction, so within a store
 * commit order equals seq order and there are no gaps.
 */
export const orderEvents = pgTable(
  'order_events',
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    orderId: uuid().references(() => orders.id),
    stationId: uuid(),
    actorKind: text().notNull(),
    actorId: uuid(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    primaryKey({ columns: [t.storeId, t.seq] }),
    index().on(t.orderId, t.seq),
  ],
);

export type OrderEventRow = typeof orderEvents.$inferSelect;
export type NewOrderEventRow = typeof orderEvents.$inferInsert;
