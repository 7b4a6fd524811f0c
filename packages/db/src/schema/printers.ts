import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/**
 * A network receipt printer (ESC/POS over raw TCP). Stations print their chits on one; a
 * printer marked for receipts prints guests' receipts. Jobs leave through the outbox.
 */
export const printers = pgTable(
  'printers',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    name: text().notNull(),
    host: text().notNull(),
    port: integer().notNull().default(9100),
    /** Characters per line: 42 on 80 mm paper with font A at most printers, 32 on 58 mm. */
    charsPerLine: integer().notNull().default(42),
    receipts: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.name),
    index().on(t.storeId),
    check('printers_port_raw', sql`${t.port} between 9100 and 9109`),
    check('printers_cpl', sql`${t.charsPerLine} between 24 and 64`),
  ],
);

export type Printer = typeof printers.$inferSelect;
