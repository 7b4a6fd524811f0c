import {
  devices,
  menuCategories,
  menuItems,
  staff,
  stations,
  stores,
  type Queryable,
} from '@kds/db';
import { asc, eq, sql } from 'drizzle-orm';
import { requireKitchen, type KitchenPrincipal } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { staffLanguageOf } from '../stores/languages.ts';
import { inStore } from '../transaction.ts';

/** What a kitchen screen needs to set itself up: store, stations, menu (for 86), who it is. */
export async function kitchenConfig({ ctx }: { ctx: DomainContext }) {
  const principal = requireKitchen(ctx);
  return inStore(ctx, principal.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, principal.storeId));
    if (!store) throw new NotFoundError('store');
    const [stationRows, items, who] = await Promise.all([
      stationsOf(tx.db, store.id),
      menuFor86(tx.db, store.id),
      screenHolder(tx.db, principal),
    ]);
    return {
      store: {
        name: store.name,
        slug: store.slug,
        timezone: store.timezone,
        storeLocale: store.locale,
        currency: store.currency,
        ticketThresholds: store.settings.ticketThresholds,
        pickupCodeRequired: store.settings.pickupCodeRequired,
      },
      stations: stationRows,
      menuItems: items,
      screen: {
        kind: principal.kind,
        name: who?.name ?? '',
        role: principal.kind === 'staff' ? principal.role : null,
        /** The person's own language choice (null: the store's); always null for a paired screen. */
        ownLanguage: who?.language ?? null,
        /** A paired screen is bound to its station; staff may pick any. */
        stationId: principal.kind === 'device' ? principal.stationId : null,
      },
      /** The person's own language, else the store's kitchen language. */
      language: staffLanguageOf(who?.language, store),
      serverTime: ctx.now().toISOString(),
    };
  });
}

function stationsOf(db: Queryable, storeId: string) {
  return db
    .select({ id: stations.id, name: stations.name, kind: stations.kind })
    .from(stations)
    .where(eq(stations.storeId, storeId))
    .orderBy(asc(stations.sortOrder));
}

/** Every item with its station and category, in menu order: the 86 panel's list. */
function menuFor86(db: Queryable, storeId: string) {
  return db
    .select({
      id: menuItems.id,
      name: menuItems.name,
      stationId: menuItems.stationId,
      isAvailable: menuItems.isAvailable,
      category: menuCategories.name,
    })
    .from(menuItems)
    .innerJoin(menuCategories, eq(menuCategories.id, menuItems.categoryId))
    .where(eq(menuItems.storeId, storeId))
    .orderBy(asc(menuCategories.sortOrder), asc(menuItems.sortOrder));
}

/** Who is at the screen: the signed-in cook (and their language), or the paired screen's name. */
async function screenHolder(db: Queryable, principal: KitchenPrincipal) {
  const [who] =
    principal.kind === 'staff'
      ? await db
          .select({ name: staff.name, language: staff.language })
          .from(staff)
          .where(eq(staff.id, principal.staffId))
      : await db
          .select({ name: devices.name, language: sql<null>`null` })
          .from(devices)
          .where(eq(devices.id, principal.deviceId));
  return who;
}
