import { count } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  menuCategories,
  menuItems,
  modifierGroups,
  modifiers,
  staff,
  staffMemberships,
  stations,
  stores,
  type StoreSettings,
} from './schema/index.ts';

export interface SeedOptions {
  /** The application's password hasher; the seed never picks an algorithm of its own. */
  hashPassword: (password: string) => Promise<string>;
}

export const defaultStoreSettings: StoreSettings = {
  paymentMode: 'both',
  ticketThresholds: {
    dine_in: { warnMinutes: 8, lateMinutes: 15 },
    pickup: { warnMinutes: 10, lateMinutes: 20 },
    delivery: { warnMinutes: 12, lateMinutes: 25 },
  },
  notifications: { sms: true, call: false, email: true, staffEmails: [] },
  pickupCodeRequired: false,
  taxRateBps: 825,
  tipPresetsPercent: [10, 15, 20],
  // Deliveries need a postcode service (POSTCODE_API_URL); without one they are not offered.
  deliveryRadiusMeters: 5_000,
  location: { latitude: 40.7411, longitude: -73.9897 },
  defaultPrepMinutes: 12,
  paymentExpiryMinutes: 30,
};

type ModifierSeed = [name: string, priceDeltaCents: number, kitchenLabel?: string];
interface ItemSeed {
  name: string;
  description: string;
  priceCents: number;
  costCents: number;
  station: 'Grill' | 'Fry' | 'Cold';
  prepSeconds: number;
  allergens: string[];
  groups?: { name: string; min: number; max: number; options: ModifierSeed[] }[];
}

const burgerGroups: ItemSeed['groups'] = [
  {
    name: 'Cook',
    min: 1,
    max: 1,
    options: [
      ['Medium rare', 0, 'MED RARE'],
      ['Medium', 0, 'MED'],
      ['Well done', 0, 'WELL'],
    ],
  },
  {
    name: 'Extras',
    min: 0,
    max: 3,
    options: [
      ['Cheese', 100, '+ cheese'],
      ['Bacon', 200, '+ bacon'],
      ['Avocado', 150, '+ avo'],
    ],
  },
  {
    name: 'Remove',
    min: 0,
    max: 3,
    options: [
      ['No onion', 0, 'NO onion'],
      ['No pickles', 0, 'NO pickles'],
      ['No sauce', 0, 'NO sauce'],
    ],
  },
];

const demoMenu: Record<string, ItemSeed[]> = {
  Burgers: [
    {
      name: 'Classic Burger',
      description: 'Beef patty, lettuce, tomato, onion, house sauce, brioche bun.',
      priceCents: 1200,
      costCents: 380,
      station: 'Grill',
      prepSeconds: 540,
      allergens: ['gluten', 'egg', 'mustard'],
      groups: burgerGroups,
    },
    {
      name: 'Double Smash',
      description: 'Two smashed patties, American cheese, pickles, onion.',
      priceCents: 1550,
      costCents: 520,
      station: 'Grill',
      prepSeconds: 600,
      allergens: ['gluten', 'milk'],
      groups: burgerGroups,
    },
    {
      name: 'Mushroom Swiss',
      description: 'Beef patty, sautéed mushrooms, Swiss cheese, garlic mayo.',
      priceCents: 1400,
      costCents: 450,
      station: 'Grill',
      prepSeconds: 600,
      allergens: ['gluten', 'milk', 'egg'],
      groups: burgerGroups,
    },
    {
      name: 'Grilled Chicken Sandwich',
      description: 'Marinated chicken thigh, slaw, chipotle mayo.',
      priceCents: 1300,
      costCents: 400,
      station: 'Grill',
      prepSeconds: 660,
      allergens: ['gluten', 'egg'],
    },
  ],
  Sides: [
    {
      name: 'Fries',
      description: 'Hand-cut, double-fried, sea salt.',
      priceCents: 450,
      costCents: 90,
      station: 'Fry',
      prepSeconds: 300,
      allergens: [],
      groups: [
        {
          name: 'Size',
          min: 1,
          max: 1,
          options: [
            ['Regular', 0, 'REG'],
            ['Large', 150, 'LG'],
          ],
        },
        {
          name: 'Seasoning',
          min: 0,
          max: 1,
          options: [
            ['Cajun', 50, '+ cajun'],
            ['Truffle', 200, '+ truffle'],
          ],
        },
      ],
    },
    {
      name: 'Onion Rings',
      description: 'Beer-battered onion rings with ranch.',
      priceCents: 550,
      costCents: 120,
      station: 'Fry',
      prepSeconds: 360,
      allergens: ['gluten', 'milk'],
    },
    {
      name: 'Chicken Wings',
      description: 'Eight wings, buffalo or BBQ.',
      priceCents: 1100,
      costCents: 350,
      station: 'Fry',
      prepSeconds: 720,
      allergens: ['milk'],
      groups: [
        {
          name: 'Sauce',
          min: 1,
          max: 1,
          options: [
            ['Buffalo', 0, 'BUFFALO'],
            ['BBQ', 0, 'BBQ'],
            ['Honey garlic', 0, 'HONEY GARLIC'],
          ],
        },
      ],
    },
  ],
  Salads: [
    {
      name: 'Caesar Salad',
      description: 'Romaine, parmesan, croutons, anchovy dressing.',
      priceCents: 1000,
      costCents: 280,
      station: 'Cold',
      prepSeconds: 240,
      allergens: ['gluten', 'milk', 'egg', 'fish'],
      groups: [
        {
          name: 'Protein',
          min: 0,
          max: 1,
          options: [
            ['Grilled chicken', 400, '+ chicken'],
            ['Shrimp', 500, '+ shrimp'],
          ],
        },
      ],
    },
    {
      name: 'Garden Salad',
      description: 'Mixed greens, cucumber, cherry tomato, lemon vinaigrette.',
      priceCents: 850,
      costCents: 200,
      station: 'Cold',
      prepSeconds: 180,
      allergens: [],
    },
  ],
  Drinks: [
    {
      name: 'Lemonade',
      description: 'Fresh-squeezed.',
      priceCents: 400,
      costCents: 60,
      station: 'Cold',
      prepSeconds: 60,
      allergens: [],
    },
    {
      name: 'Milkshake',
      description: 'Vanilla, chocolate or strawberry.',
      priceCents: 650,
      costCents: 150,
      station: 'Cold',
      prepSeconds: 180,
      allergens: ['milk'],
      groups: [
        {
          name: 'Flavour',
          min: 1,
          max: 1,
          options: [
            ['Vanilla', 0, 'VANILLA'],
            ['Chocolate', 0, 'CHOC'],
            ['Strawberry', 0, 'STRAWB'],
          ],
        },
      ],
    },
  ],
};

export const demoStaff = [
  { email: 'owner@demo.test', name: 'Olivia Owner', role: 'owner' as const },
  { email: 'manager@demo.test', name: 'Max Manager', role: 'manager' as const },
  { email: 'kitchen@demo.test', name: 'Kai Kitchen', role: 'kitchen' as const },
];

/**
 * Creates the demo store when the database holds no store at all. Returns whether it seeded.
 * Idempotent by construction: a second call on a seeded database does nothing.
 */
export async function seedDemo(db: Database, options: SeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(stores);
  if ((existing?.n ?? 0) > 0) return false;
  await seedStore(db, { ...options, slug: 'demo', name: 'Demo Diner', staff: demoStaff });
  return true;
}

/**
 * One store with the demo menu, stations and staff (password "demo"): the demo itself, and
 * benchmarks that need many stores (`staff` with emails of their own, unique per store).
 */
export async function seedStore(
  db: Database,
  options: SeedOptions & { slug: string; name: string; staff: typeof demoStaff },
): Promise<void> {
  const passwordHash = await options.hashPassword('demo');
  const people = options.staff;
  await db.transaction(async (tx) => {
    const [store] = await tx
      .insert(stores)
      .values({
        slug: options.slug,
        name: options.name,
        timezone: 'America/New_York',
        currency: 'USD',
        openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
          day,
          opens: '00:00',
          closes: '24:00',
        })),
        settings: defaultStoreSettings,
      })
      .returning();
    if (!store) throw new Error('seed: store insert returned nothing');

    const stationRows = await tx
      .insert(stations)
      .values([
        { storeId: store.id, name: 'Grill', kind: 'prep', sortOrder: 1 },
        { storeId: store.id, name: 'Fry', kind: 'prep', sortOrder: 2 },
        { storeId: store.id, name: 'Cold', kind: 'prep', sortOrder: 3 },
        { storeId: store.id, name: 'Expo', kind: 'expo', sortOrder: 4 },
      ])
      .returning();
    const stationId = new Map(stationRows.map((s) => [s.name, s.id]));

    let categorySort = 0;
    for (const [categoryName, items] of Object.entries(demoMenu)) {
      const [category] = await tx
        .insert(menuCategories)
        .values({ storeId: store.id, name: categoryName, sortOrder: ++categorySort })
        .returning();
      if (!category) throw new Error('seed: category insert returned nothing');
      let itemSort = 0;
      for (const { groups, station, ...item } of items) {
        const [row] = await tx
          .insert(menuItems)
          .values({
            ...item,
            storeId: store.id,
            categoryId: category.id,
            stationId: stationId.get(station) ?? '',
            sortOrder: ++itemSort,
          })
          .returning();
        if (!row) throw new Error('seed: item insert returned nothing');
        let groupSort = 0;
        for (const group of groups ?? []) {
          const [groupRow] = await tx
            .insert(modifierGroups)
            .values({
              storeId: store.id,
              menuItemId: row.id,
              name: group.name,
              minChoices: group.min,
              maxChoices: group.max,
              sortOrder: ++groupSort,
            })
            .returning();
          if (!groupRow) throw new Error('seed: group insert returned nothing');
          await tx.insert(modifiers).values(
            group.options.map(([name, priceDeltaCents, kitchenLabel], i) => ({
              storeId: store.id,
              groupId: groupRow.id,
              name,
              priceDeltaCents,
              kitchenLabel: kitchenLabel ?? null,
              sortOrder: i + 1,
            })),
          );
        }
      }
    }

    const staffRows = await tx
      .insert(staff)
      .values(people.map(({ email, name }) => ({ email, name, passwordHash })))
      .returning();
    await tx.insert(staffMemberships).values(
      staffRows.map((s) => ({
        staffId: s.id,
        storeId: store.id,
        role: people.find((d) => d.email === s.email)?.role ?? 'kitchen',
      })),
    );
  });
}
