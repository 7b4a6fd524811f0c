import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.ts';
import { staff } from './staff.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    staffId: uuid().references(() => staff.id),
    /** Set when an integration did it with its API key (staffId is then null). */
    apiKeyId: uuid().references(() => apiKeys.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [storeIsolation(t.storeId), index().on(t.storeId, t.createdAt)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
