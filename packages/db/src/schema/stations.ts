import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { stationKind } from './enums.ts';
import { stores } from './stores.ts';

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.storeId, t.name), index().on(t.storeId, t.sortOrder)],
);

export type Station = typeof stations.$inferSelect;
export type NewStation = typeof stations.$inferInsert;
