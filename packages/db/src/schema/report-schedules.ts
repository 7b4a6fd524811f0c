import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/**
 * A manager's subscription to the store's report by email: daily (yesterday) or weekly (the
 * seven days before), at a store-local time. `lastPeriod` is the send it last claimed, so each
 * period goes out once whatever the number of instances.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    frequency: text({ enum: ['daily', 'weekly'] }).notNull(),
    /** Weekly: the day it is sent, 0 (Sunday) to 6. */
    weekday: integer(),
    /** Store-local "HH:MM". */
    sendAt: text().notNull(),
    lastPeriod: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.staffId, t.frequency),
    check('report_schedules_send_at', sql`${t.sendAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check(
      'report_schedules_weekday',
      sql`(${t.frequency} = 'daily' and ${t.weekday} is null) or (${t.frequency} = 'weekly' and ${t.weekday} between 0 and 6)`,
    ),
  ],
);

export type ReportSchedule = typeof reportSchedules.$inferSelect;
