import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { printMode, stationKind } from './enums.ts';
import { printers } from './printers.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const stations = pgTable(
  'stations',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    name: text().notNull(),
    kind: stationKind().notNull().default('prep'),
    sortOrder: integer().notNull().default(0),
    /** Items this station can have on the go at once; the kitchen-load measure divides by it. */
    capacityItems: integer().notNull().default(12),
    /** Where this station's chits print, and when (never, every ticket, or as a fallback). */
    printerId: uuid().references(() => printers.id, { onDelete: 'set null' }),
    printMode: printMode().notNull().default('never'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.name),
    index().on(t.storeId, t.sortOrder),
    check('stations_capacity_positive', sql`${t.capacityItems} between 1 and 1000`),
  ],
);

export type Station = typeof stations.$inferSelect;
export type NewStation = typeof stations.$inferInsert;
