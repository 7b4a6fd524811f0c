import { EVENTS_CHANNEL, kitchenEventFilter, readEvents } from '@kds/api';
import { menuItems, modifierGroups, stations, stores } from '@kds/db';
import { seededRandom } from '@kds/db/testing/seeded-random';
import { appendSyntheticEvents } from '@kds/db/testing/synthetic-events';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { rawKitchenSocket } from './test/raw-socket.ts';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

/**
 * Shared live tails against the log, at random: orders placed through this instance (local
 * commits) interleaved with events another instance committed (appended straight to the log,
 * then NOTIFY, or with the wake-up lost); screens of every station filter opening live or
 * resuming from random ids, leaving and resuming, some over raw sockets that stop reading for a
 * while. Every screen must end with exactly the log's events for its filter, from where it
 * started: none lost, doubled or out of order. The seed is printed, and `SHARED_TAILS_SEED`
 * replays a run.
 */

let fx: Fixture;
let server: Server;
let kitchenToken: string;
let guest: Client;
const orderShapes: { menuItemId: string; quantity: number }[][] = [];
const stationIds: (string | undefined)[] = [undefined];

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, { jobs: false, subscriptionsPerPrincipal: 100 });
  guest = connect(server);
  kitchenToken = await fx.login(guest, 'kitchen@demo.test');
  const items = await fx.db.db.select().from(menuItems);
  const required = new Set(
    (await fx.db.db.select().from(modifierGroups))
      .filter((g) => g.minChoices > 0)
      .map((g) => g.menuItemId),
  );
  const byStation = new Map<string, string>();
  for (const item of items) {
    if (item.stationId && item.isAvailable && !required.has(item.id)) {
      byStation.set(item.stationId, item.id);
    }
  }
  for (const [stationId, menuItemId] of byStation) {
    stationIds.push(stationId);
    orderShapes.push([{ menuItemId, quantity: 1 }]);
  }
  const ids = [...byStation.values()];
  orderShapes.push(ids.slice(0, 2).map((menuItemId) => ({ menuItemId, quantity: 2 })));
  const all = await fx.db.db.select().from(stations);
  expect(byStation.size).toBeGreaterThan(1);
  expect(all.length).toBeGreaterThan(1);
});
afterAll(closeAll);

interface Screen {
  stationId: string | undefined;
  /** The cursor it started from; null: live only (its first event is "now"). */
  from: number | null;
  seqs: number[];
  close(): void;
  pause?: () => void;
  resume?: () => void;
}

const head = async () => {
  const [store] = await fx.db.db
    .select({ seq: stores.eventSeq })
    .from(stores)
    .where(eq(stores.id, fx.storeId));
  return Number(store?.seq ?? 0);
};

/** The real tRPC client, as the kitchen app uses it. */
function clientScreen(stationId: string | undefined, from: number | null): Screen {
  const client = connect(server, kitchenToken);
  const input = {
    ...(from !== null ? { lastEventId: String(from) } : {}),
    ...(stationId ? { stationId } : {}),
  };
  const { received, unsubscribe } = subscribeKitchen(client, input);
  const screen: Screen = {
    stationId,
    from,
    get seqs() {
      return received.ids.map(Number);
    },
    close: () => {
      unsubscribe();
      client.close();
    },
  };
  return screen;
}

/** tRPC's protocol by hand over a socket whose reading can be paused. */
async function rawScreen(stationId: string | undefined, from: number | null): Promise<Screen> {
  const raw = await rawKitchenSocket(server.url, kitchenToken, {
    ...(from !== null ? { lastEventId: String(from) } : {}),
    ...(stationId ? { stationId } : {}),
  });
  const seqs: number[] = [];
  raw.socket.on('message', (data) => {
    const text = String(data);
    if (text === 'PING') return raw.socket.send('PONG');
    const message = JSON.parse(text) as { result?: { type: string; id?: string } };
    if (message.result?.type === 'data') seqs.push(Number(message.result.id));
  });
  const tcp = (raw.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  return {
    stationId,
    from,
    seqs,
    close: () => raw.socket.close(),
    pause: () => tcp.pause(),
    resume: () => tcp.resume(),
  };
}

async function expectMatchesLog(screen: Screen, logged: Awaited<ReturnType<typeof readEvents>>) {
  const shows = kitchenEventFilter(screen.stationId);
  const visible = logged.filter(shows).map((e) => e.seq);
  const start = screen.from ?? (screen.seqs[0] ?? Infinity) - 1;
  const expected = visible.filter((seq) => seq > start);
  expect(screen.seqs).toEqual(expected.slice(0, screen.seqs.length));
  return expected;
}

describe('shared live tails, at random', () => {
  test('every screen gets exactly its filter of the log, whatever the interleaving', async () => {
    const seed = Number(process.env.SHARED_TAILS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.info(`shared-tails seed ${seed}`);
    const next = seededRandom(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
    const base = await head();
    const screens: Screen[] = [];
    const retired: Screen[] = [];
    const open = async () => {
      const stationId = pick(stationIds);
      const now = await head();
      const from = next() < 0.3 ? null : base + Math.floor(next() * (now - base + 1));
      screens.push(next() < 0.3 ? await rawScreen(stationId, from) : clientScreen(stationId, from));
    };
    for (let i = 0; i < 6; i++) await open();

    for (let step = 0; step < 60; step++) {
      const roll = next();
      if (roll < 0.4) {
        await guest.trpc.order.place.mutate(
          fx.order({ items: pick(orderShapes), idempotencyKey: randomUUID() }),
        );
      } else if (roll < 0.55) {
        await appendSyntheticEvents(fx.db.db, {
          storeId: fx.storeId,
          count: 1 + Math.floor(next() * 5),
          channel: EVENTS_CHANNEL,
        });
      } else if (roll < 0.65) {
        // Another instance commits and its wake-up is late (only the safety poll will tell this
        // instance); meanwhile a screen that saw those events there resumes here.
        await appendSyntheticEvents(fx.db.db, {
          storeId: fx.storeId,
          count: 1 + Math.floor(next() * 3),
          channel: 'kds_events_nobody_listens_to',
        });
        screens.push(clientScreen(pick(stationIds), await head()));
      } else if (roll < 0.75) {
        await open();
      } else if (roll < 0.85 && screens.length > 2) {
        // A screen leaves and comes back from the last event it has (or from where it began).
        const screen = screens.splice(Math.floor(next() * screens.length), 1)[0];
        if (!screen) continue;
        screen.close();
        retired.push(screen);
        const last = screen.seqs.at(-1) ?? screen.from;
        screens.push(clientScreen(screen.stationId, last ?? (await head())));
      } else {
        const raw = screens.filter((s) => s.pause);
        const screen = raw.length > 0 ? pick(raw) : undefined;
        screen?.pause?.();
        setTimeout(() => screen?.resume?.(), 50 + next() * 300);
      }
      if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, next() * 30));
    }

    const logged = await readEvents(fx.db.db, {
      storeId: fx.storeId,
      afterSeq: base,
      limit: 100_000,
    });
    expect(logged.length).toBeGreaterThan(20);
    for (const screen of screens) screen.resume?.();
    await vi.waitFor(
      async () => {
        for (const screen of screens) {
          const expected = await expectMatchesLog(screen, logged);
          expect(screen.seqs).toHaveLength(expected.length);
        }
      },
      { timeout: 20_000, interval: 200 },
    );
    // Screens that left: what they had was a prefix of the truth, with no gap.
    for (const screen of retired) await expectMatchesLog(screen, logged);
    const metrics = await (await fetch(`http://${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^kds_live_group_members [1-9]/m);
    for (const screen of screens) screen.close();
  }, 60_000);
});
