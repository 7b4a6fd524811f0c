import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { orders } from './orders.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/**
 * The ticket times of finished orders, kept so a year's report sorts small integers instead of
 * replaying every event of the year. A cache of the replay in `reports/report-sql.ts`, never a
 * source of truth: an order has rows here only while `orders.ticket_times_kept` is true, which
 * only a COMPLETED order can be (a recall clears both; so does a change of the store's time
 * zone, which moves the hours), and the report replays the events of every other order.
 */
export const ticketTimes = pgTable(
  'ticket_times',
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    /** The order's business date: the report's range. */
    businessDate: date().notNull(),
    /** The measure's place among the order's measures. */
    position: smallint().notNull(),
    /** ready, hour, dispatch, road, item or station. */
    kind: text().notNull(),
    /** The hour placed (store-local), the item's name or the station's id; null for the others. */
    key: text(),
    seconds: integer().notNull(),
  },
  (t) => [
    storeIsolation(t.storeId),
    primaryKey({ columns: [t.storeId, t.orderId, t.position] }),
    index().on(t.storeId, t.businessDate),
  ],
);
