import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffRole } from './enums.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const staff = pgTable(
  'staff',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-case. */
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    /** Set by a manager's reset: the next sign-in must choose a new password first. */
    mustChangePassword: boolean().notNull().default(false),
    /** Wrong passwords counted (before each check, see login) since the last good one. */
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /** The language this person reads the kitchen and admin in; null follows each store's. */
    language: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('staff_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/**
 * An account works at a store through a membership: a role per store. A store manages only
 * its memberships (suspend, remove, change role); the account belongs to its holder.
 */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    role: staffRole().notNull(),
    /** Suspended here: cannot act for this store, whatever they may do elsewhere. */
    suspendedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    primaryKey({ columns: [t.staffId, t.storeId] }),
    index().on(t.storeId),
  ],
);

/**
 * A store asking someone (by email) to join it. Nothing is attached until the holder of that
 * address accepts: signed in to the account with that email, or through the emailed link
 * (which can also create the account). The link's token is derived from the id with a server
 * secret, so it is never stored.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    /** Stored lower-case. */
    email: text().notNull(),
    name: text().notNull(),
    role: staffRole().notNull(),
    invitedBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => staff.id),
    /** Canceled by the store, declined by the invitee, or replaced by a newer invitation. */
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    storeIsolation(t.storeId),
    check('staff_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    index().on(t.email),
    // One open invitation per store and address: inviting again replaces it.
    uniqueIndex('staff_invitations_open_idx')
      .on(t.storeId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.closedAt} is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** The store this session acts on. */
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [storeIsolation(t.storeId), index().on(t.staffId)],
);

/**
 * Counters of the rate limits, shared by every instance (rate-limiter-flexible's Drizzle store:
 * one row per key, points spent in the current window, when the window ends).
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

export type Staff = typeof staff.$inferSelect;
export type StaffInvitation = typeof staffInvitations.$inferSelect;
export type StaffMembership = typeof staffMemberships.$inferSelect;
export type Session = typeof sessions.$inferSelect;
