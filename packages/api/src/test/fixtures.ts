import { createRateLimits } from '../rate-limits.ts';
import { randomUUID } from 'node:crypto';
import {
  menuItems,
  modifierGroups,
  modifiers,
  orderEvents,
  orders,
  sessions,
  staff,
  staffMemberships,
  stations,
  stores,
  seedDemo,
  defaultStoreSettings,
  type Database,
  type StoreSettings,
} from '@kds/db';
import { createTestDb, type TestDb } from '@kds/db/testing';
import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { hashPassword } from '../domain/auth/password.ts';
import { hashToken, newToken, STAFF_TOKEN_PREFIX } from '../domain/auth/tokens.ts';
import { resolvePrincipal, stillValidPrincipals } from '../domain/auth/resolve-principal.ts';
import type { DomainConfig, Principal } from '../domain/context.ts';
import { StreamGuard } from '../stream-guard.ts';
import { createSimulatedStripe } from '../gateways/stripe.ts';
import type { PaymentGateway } from '../domain/payments/ports.ts';
import type { Geocoder } from '../domain/stores/location.ts';
import type { StaffRole } from '../domain/auth/principal.ts';
import { EventBus } from '../events/event-bus.ts';
import { recordEvents } from '../domain/record-events.ts';
import { inStore } from '../domain/transaction.ts';
import { createEventLog } from '../events/wiring.ts';
import { appRouter } from '../root.ts';
import type { ApiContext } from '../context.ts';

export interface DemoStore {
  storeId: string;
  station: Record<'Grill' | 'Fry' | 'Cold' | 'Expo', string>;
  /** Menu item ids by name. */
  item: Record<string, string>;
  /** Modifier ids by "Item/Modifier". */
  modifier: Record<string, string>;
}

export interface Harness {
  handle: TestDb;
  db: Database;
  bus: EventBus;
  demo: DemoStore;
  ctx(principal?: Principal | null): ApiContext;
  caller(principal?: Principal | null): ReturnType<typeof appRouter.createCaller>;
  staffOf(storeId: string, role: StaffRole): Promise<Principal & { kind: 'staff'; token: string }>;
  /** The signed-in person behind a session token (as the server would resolve it). */
  principalOf(token: string): Promise<Principal & { kind: 'staff' }>;
  /**
   * A new account that joined `invitedBy`'s store through an invitation link, with its own
   * password, signed in (as a kitchen cook unless said otherwise).
   */
  joinByInvitation(
    invitedBy: Principal,
    email: string,
    options?: { role?: StaffRole; password?: string },
  ): Promise<{ id: string; token: string; password: string }>;
  close(): Promise<void>;
}

const config: DomainConfig = {
  sessionTtlMs: 3600_000,
  maxReplayEvents: 10_000,
  publicUrl: 'http://kds.test',
  pickupPepper: 'test-pepper-for-pickup-codes-0123456789',
  messagesPerRecipientPerDay: 20,
  services: { production: false, payments: 'simulated', sms: 'recorded', email: 'recorded' },
  version: 'test',
};

const NO_STORE = { storeId: '', station: {}, item: {}, modifier: {} } as unknown as DemoStore;

/** A migrated database with the demo store, a bus, and callers through the real router. */
export async function createHarness(
  options: {
    geocoder?: Geocoder;
    payments?: PaymentGateway | null;
    /** false: a fresh install with no store at all (first run); `demo` is then empty. */
    seed?: boolean;
  } = {},
): Promise<Harness> {
  const simulated = createSimulatedStripe({ publicUrl: config.publicUrl });
  const handle = await createTestDb();
  const db = handle.db;
  const seeded = options.seed !== false;
  if (seeded) await seedDemo(db, { hashPassword: async () => hashPassword('demo') });
  const log = createEventLog(db);
  const bus = new EventBus(log);
  const demo = seeded ? await loadStore(db, 'demo') : NO_STORE;
  const limits = createRateLimits(db);
  const streams = new StreamGuard({
    perPrincipal: 20,
    perAddress: 1000,
    recheckMs: 60_000,
    stillValid: (principals) => stillValidPrincipals(db, principals, new Date()),
    onError: () => {},
  });

  const ctx = (principal: Principal | null = null): ApiContext => ({
    // As the server works: as kds_app, under the policies. `db` (the owner) sets tests up.
    db: handle.app,
    bus,
    log,
    config,
    now: () => new Date(),
    principal,
    geocoder: options.geocoder ?? null,
    // The demo's default: online payment through the simulated checkout.
    payments: options.payments === undefined ? simulated : options.payments,
    sessionCookie: null,
    limits,
    ip: '127.0.0.1',
    transport: 'internal',
    batchSize: 1,
    streams,
  });
  return {
    handle,
    db,
    bus,
    demo,
    ctx,
    caller: (principal = null) => appRouter.createCaller(ctx(principal)),
    staffOf: (storeId, role) => createStaff(db, storeId, role),
    joinByInvitation: async (invitedBy, email, options = {}) => {
      const password = options.password ?? 'cooks-own-password';
      const invited = await appRouter
        .createCaller(ctx(invitedBy))
        .staff.create({ name: email, email, role: options.role ?? 'kitchen' });
      const joined = await appRouter
        .createCaller(ctx(null))
        .invitation.signUp({ token: invitationTokenOf(invited.link), name: email, password });
      return { id: joined.staff.id, token: joined.token, password };
    },
    principalOf: async (token) => {
      const principal = await resolvePrincipal(db, token, new Date());
      if (principal?.kind !== 'staff') throw new Error('not a live staff session');
      return principal;
    },
    close: async () => {
      streams.stop();
      bus.close();
      await handle.close();
    },
  };
}

export async function loadStore(db: Database, slug: string): Promise<DemoStore> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, slug));
  if (!store) throw new Error(`no store ${slug}`);
  const stationRows = await db.select().from(stations).where(eq(stations.storeId, store.id));
  const items = await db.select().from(menuItems).where(eq(menuItems.storeId, store.id));
  const mods = await db
    .select({ id: modifiers.id, name: modifiers.name, itemId: modifierGroups.menuItemId })
    .from(modifiers)
    .innerJoin(modifierGroups, eq(modifierGroups.id, modifiers.groupId))
    .where(eq(modifiers.storeId, store.id));
  const itemName = new Map(items.map((i) => [i.id, i.name]));
  return {
    storeId: store.id,
    station: Object.fromEntries(stationRows.map((s) => [s.name, s.id])) as DemoStore['station'],
    item: Object.fromEntries(items.map((i) => [i.name, i.id])),
    modifier: Object.fromEntries(mods.map((m) => [`${itemName.get(m.itemId)}/${m.name}`, m.id])),
  };
}

/** A second store with one station and one item, to prove store scoping. */
export async function createOtherStore(db: Database, slug = 'other') {
  const [store] = await db
    .insert(stores)
    .values({ slug, name: 'Other Place', settings: defaultStoreSettings })
    .returning();
  if (!store) throw new Error('store insert failed');
  const [station] = await db
    .insert(stations)
    .values({ storeId: store.id, name: 'Line' })
    .returning();
  if (!station) throw new Error('station insert failed');
  return { storeId: store.id, stationId: station.id };
}

async function createStaff(db: Database, storeId: string, role: StaffRole) {
  const [member] = await db
    .insert(staff)
    .values({ email: `${role}-${randomUUID()}@test.test`, name: role, passwordHash: 'x' })
    .returning();
  if (!member) throw new Error('staff insert failed');
  await db.insert(staffMemberships).values({ staffId: member.id, storeId, role });
  const { token, tokenHash } = newToken(STAFF_TOKEN_PREFIX);
  const [session] = await db
    .insert(sessions)
    .values({ staffId: member.id, storeId, tokenHash, expiresAt: new Date(Date.now() + 3600_000) })
    .returning();
  if (!session || session.tokenHash !== hashToken(token)) throw new Error('session insert failed');
  return {
    kind: 'staff' as const,
    staffId: member.id,
    storeId,
    role,
    sessionId: session.id,
    mustChangePassword: false,
    token,
  };
}

/** What "writes nothing" is checked against: orders, events and the store's sequence. */
export async function writeCounts(db: Database, storeId: string) {
  const [o] = await db.select({ n: count() }).from(orders).where(eq(orders.storeId, storeId));
  const [e] = await db
    .select({ n: count() })
    .from(orderEvents)
    .where(and(eq(orderEvents.storeId, storeId)));
  const [s] = await db.select({ seq: stores.eventSeq }).from(stores).where(eq(stores.id, storeId));
  return { orders: o?.n ?? 0, events: e?.n ?? 0, seq: s?.seq ?? 0 };
}

let keyCounter = 0;
/**
 * Makes the demo store a Mexico City one that speaks Spanish to its staff and Spanish first,
 * English second, to its guests, in pesos; `settings` changes its settings too.
 */
export async function speakSpanishInMexico(
  h: Pick<Harness, 'db' | 'demo'>,
  settings: (current: StoreSettings) => StoreSettings = (current) => current,
): Promise<void> {
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  if (!store) throw new Error('no demo store');
  await h.db
    .update(stores)
    .set({
      locale: 'es-MX',
      timezone: 'America/Mexico_City',
      currency: 'MXN',
      staffLanguage: 'es',
      guestLanguages: ['es', 'en'],
      settings: settings(store.settings),
    })
    .where(eq(stores.id, h.demo.storeId));
}

/** The settings form as a manager's console loads it, ready to change and save. */
export async function settingsForm(h: Pick<Harness, 'caller'>, manager: Principal) {
  const {
    id: _id,
    defaultTemplates: _d,
    formerSlugs: _f,
    ...form
  } = await h.caller(manager).store.settings();
  return form;
}

export const newKey = () => `test-key-${process.pid}-${++keyCounter}-${randomUUID()}`;

/** A valid pay-at-counter order for the demo store; override any part. */
export function counterOrder(demo: DemoStore, overrides: Record<string, unknown> = {}) {
  return {
    storeSlug: 'demo',
    items: [
      {
        menuItemId: demo.item['Classic Burger'] ?? '',
        quantity: 1,
        modifierIds: [demo.modifier['Classic Burger/Medium'] ?? ''],
      },
      {
        menuItemId: demo.item['Fries'] ?? '',
        quantity: 2,
        modifierIds: [demo.modifier['Fries/Regular'] ?? ''],
      },
    ],
    customer: { name: 'Ada' },
    fulfilment: { type: 'pickup' as const },
    payment: 'counter' as const,
    idempotencyKey: newKey(),
    ...overrides,
  };
}

/** The token of an invitation link (`…/admin/invite#<token>`). */
export const invitationTokenOf = (link: string | null) =>
  decodeURIComponent(link?.split('#')[1] ?? '');

/** Awaits a call that must fail and returns its tRPC error code. */
export async function trpcCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

/**
 * Commits `n` events to the demo store, one transaction each, published after commit to `bus`
 * (this instance's unless another is given: another instance's commits, not yet heard of here).
 * Answers their sequence numbers.
 */
export async function commitEvents(h: Harness, n: number, bus = h.bus): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) {
    const [event] = await inStore({ ...h.ctx(), bus }, h.demo.storeId, (tx) =>
      recordEvents(tx, h.demo.storeId, [
        {
          type: 'ticket.prioritized',
          orderId: null,
          payload: { priority: i, version: 1, number: i },
        },
      ]),
    );
    if (event) seqs.push(event.seq);
  }
  return seqs;
}
