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
import { stations } from './stations.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const menuCategories = pgTable(
  'menu_categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.name),
    index().on(t.storeId, t.sortOrder),
  ],
);

export const menuItems = pgTable(
  'menu_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    categoryId: uuid()
      .notNull()
      .references(() => menuCategories.id),
    stationId: uuid()
      .notNull()
      .references(() => stations.id),
    name: text().notNull(),
    description: text().notNull().default(''),
    priceCents: integer().notNull(),
    costCents: integer().notNull().default(0),
    isAvailable: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    prepSeconds: integer().notNull().default(600),
    allergens: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    imageUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    check('menu_items_price_nonnegative', sql`${t.priceCents} >= 0`),
    check('menu_items_cost_nonnegative', sql`${t.costCents} >= 0`),
    check('menu_items_prep_nonnegative', sql`${t.prepSeconds} >= 0`),
    index().on(t.storeId, t.categoryId, t.sortOrder),
    index().on(t.stationId),
  ],
);

export const modifierGroups = pgTable(
  'modifier_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    menuItemId: uuid()
      .notNull()
      .references(() => menuItems.id),
    name: text().notNull(),
    minChoices: integer().notNull().default(0),
    maxChoices: integer().notNull().default(1),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    storeIsolation(t.storeId),
    check('modifier_groups_min_nonnegative', sql`${t.minChoices} >= 0`),
    check('modifier_groups_max_ge_min', sql`${t.maxChoices} >= ${t.minChoices}`),
    index().on(t.menuItemId, t.sortOrder),
    index().on(t.storeId, t.sortOrder),
  ],
);

export const modifiers = pgTable(
  'modifiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    groupId: uuid()
      .notNull()
      .references(() => modifierGroups.id),
    name: text().notNull(),
    /** How the line reads on a kitchen ticket ("NO onion", "+ cheese"); falls back to name. */
    kitchenLabel: text(),
    /** May be negative (a removal that lowers the price); a line never prices below zero. */
    priceDeltaCents: integer().notNull().default(0),
    isAvailable: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [storeIsolation(t.storeId), index().on(t.groupId, t.sortOrder)],
);

export type MenuCategory = typeof menuCategories.$inferSelect;
export type MenuItem = typeof menuItems.$inferSelect;
export type NewMenuItem = typeof menuItems.$inferInsert;
export type ModifierGroup = typeof modifierGroups.$inferSelect;
export type Modifier = typeof modifiers.$inferSelect;
