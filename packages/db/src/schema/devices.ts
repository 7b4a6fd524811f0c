import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stations } from './stations.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/** A paired kitchen screen, signed in as itself for one store and one station (or expo). */
export const devices = pgTable(
  'devices',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    stationId: uuid().references(() => stations.id),
    name: text().notNull(),
    tokenHash: text().unique(),
    pairingCodeHash: text(),
    pairingExpiresAt: timestamp({ withTimezone: true }),
    pairedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastSeenAt: timestamp({ withTimezone: true }),
    /** Last event sequence the screen reported as shown. */
    lastAckSeq: bigint({ mode: 'number' }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    index().on(t.storeId),
    // device.pair looks an unused code up by its hash.
    index('devices_pairing_code_idx')
      .on(t.pairingCodeHash)
      .where(sql`${t.pairingCodeHash} is not null`),
  ],
);

export type Device = typeof devices.$inferSelect;
