import { devices, menuItems, modifiers, orders, outbox, stations } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakePrinter, type FakePrinter } from './test/fake-printer.ts';
import {
  connect,
  createFixture,
  createRivalStore,
  startServer,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

let fx: Fixture;
let printer: FakePrinter;
let server: Server;
let guest: Client;
let manager: Client;
let cook: Client;
let printerId: string;
const station = async (name: string) => {
  const [row] = await fx.db.db.select().from(stations).where(eq(stations.name, name));
  if (!row) throw new Error(`no station ${name}`);
  return row.id;
};

beforeAll(async () => {
  fx = await createFixture();
  printer = await startFakePrinter();
  server = await startServer(fx.db, { jobs: false });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
  ({ id: printerId } = await manager.trpc.printing.savePrinter.mutate({
    name: 'Pass',
    host: '127.0.0.1',
    port: printer.port,
    receipts: true,
  }));
});
afterAll(async () => {
  await closeAll();
  await printer.close();
});
beforeEach(async () => {
  for (const name of ['Grill', 'Fry', 'Cold', 'Expo']) {
    await manager.trpc.printing.setStation.mutate({
      stationId: await station(name),
      printerId: null,
      printMode: 'never',
    });
  }
  await fx.db.db.delete(devices);
  // Tickets left open by a test would print when a station goes dark in the next one.
  const { tickets } = await manager.trpc.kitchen.tickets.query({});
  for (const t of tickets) {
    await manager.trpc.order.cancel.mutate({ orderId: t.orderId, reason: 'test reset' });
  }
  printer.jobs.length = 0;
});

const printed = async () => {
  await server.app.jobs.runOnce();
  return printer.jobs.splice(0);
};

describe('kitchen chits on a network printer (ESC/POS over TCP)', () => {
  test('a station that prints every ticket gets one chit with its own items, once', async () => {
    await manager.trpc.printing.setStation.mutate({
      stationId: await station('Grill'),
      printerId,
      printMode: 'always',
    });
    const order = await guest.trpc.order.place.mutate(fx.order({ notes: 'by the window' }));
    const [chit, ...more] = await printed();
    expect(more).toEqual([]);
    expect(chit?.lines[0]).toMatch(new RegExp(`^#${order.number}\\s+TABLE 7$`));
    expect(chit?.lines).toContain('1 x Classic Burger');
    expect(chit?.lines).toContain('MED');
    expect(chit?.lines.join('\n')).not.toContain('Lemonade');
    expect(chit?.lines.join('\n')).toContain('by the window');
    expect(chit?.cuts).toBe(1);
    expect(await printed()).toEqual([]);
    const [row] = await fx.db.db.select().from(orders).where(eq(orders.id, order.orderId));
    expect(row?.printedAt).toBeInstanceOf(Date);
  });

  test('a fallback station prints only while none of its screens is live', async () => {
    const fry = await station('Fry');
    await manager.trpc.printing.setStation.mutate({
      stationId: fry,
      printerId,
      printMode: 'fallback',
    });
    const fries = { items: [...fx.order().items, await friesLine()] };
    await guest.trpc.order.place.mutate(fx.order(fries));
    expect((await printed()).map((j) => j.lines.find((l) => l.includes('Fries')))).toEqual([
      '1 x Fries',
    ]);

    await fx.db.db.insert(devices).values({
      storeId: fx.storeId,
      stationId: fry,
      name: 'Fry screen',
      pairedAt: new Date(),
      lastSeenAt: new Date(),
      lastAckSeq: 1_000_000,
    });
    await guest.trpc.order.place.mutate(fx.order(fries));
    expect(await printed()).toEqual([]);
  });

  test("when a fallback station's screen goes dark, its open tickets print, each once", async () => {
    const fry = await station('Fry');
    await manager.trpc.printing.setStation.mutate({
      stationId: fry,
      printerId,
      printMode: 'fallback',
    });
    const [screen] = await fx.db.db
      .insert(devices)
      .values({
        storeId: fx.storeId,
        stationId: fry,
        name: 'Fry screen',
        pairedAt: new Date(),
        lastSeenAt: new Date(),
        lastAckSeq: 1_000_000,
      })
      .returning();
    const order = await guest.trpc.order.place.mutate(
      fx.order({ items: [...fx.order().items, await friesLine()] }),
    );
    expect(await printed()).toEqual([]);

    // The screen stops answering: three missed heartbeats later it is offline.
    await fx.db.db
      .update(devices)
      .set({ lastSeenAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(devices.id, screen?.id ?? ''));
    const jobs = await printed();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.lines[0]).toMatch(new RegExp(`^#${order.number}\\s`));
    expect(jobs[0]?.lines).toContain('1 x Fries');
    expect(await printed()).toEqual([]);
  });

  test('a printer that is off fails the job visibly, and it prints once when back', async () => {
    await manager.trpc.printing.setStation.mutate({
      stationId: await station('Expo'),
      printerId,
      printMode: 'always',
    });
    await printer.off();
    const order = await guest.trpc.order.place.mutate(fx.order());
    expect(await printed()).toEqual([]);
    const [job] = await fx.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, order.orderId), eq(outbox.channel, 'print')));
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.error).toMatch(/ECONNREFUSED/);
    const messages = await manager.trpc.outbox.list.query({ orderId: order.orderId });
    expect(JSON.stringify(messages)).toMatch(/ECONNREFUSED/);

    await printer.on();
    await fx.db.db
      .update(outbox)
      .set({ nextAttemptAt: new Date() })
      .where(eq(outbox.id, job?.id ?? ''));
    const jobs = await printed();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.lines.join('\n')).toContain('1 x Classic Burger');
    expect(jobs[0]?.lines.join('\n')).toContain('2 x Lemonade');
  });

  test('text people typed prints as written and cannot inject commands', async () => {
    await manager.trpc.printing.setStation.mutate({
      stationId: await station('Grill'),
      printerId,
      printMode: 'always',
    });
    await guest.trpc.order.place.mutate(
      fx.order({ customer: { name: 'Ann | {cut} ^^"x"' }, notes: '=\n---' }),
    );
    const [chit] = await printed();
    expect(chit?.lines.join('\n')).toContain('Ann | {cut} ^^"x"');
    expect(chit?.cuts).toBe(1);
  });
});

describe('paper on demand', () => {
  test('the expo reprints a chit and prints the guest receipt', async () => {
    const order = await guest.trpc.order.place.mutate(fx.order({ tipCents: 150 }));
    expect(await printed()).toEqual([]);
    await cook.trpc.printing.print.mutate({ orderId: order.orderId, kind: 'chit' });
    await cook.trpc.printing.print.mutate({ orderId: order.orderId, kind: 'receipt' });
    // Two jobs leave side by side: they may arrive in either order.
    const jobs = await printed();
    expect(jobs).toHaveLength(2);
    const chit = jobs.find((j) => j.lines.includes('REPRINT'));
    const receipt = jobs.find((j) => j.lines[0] === 'Demo Diner');
    expect(chit?.lines).toContain('REPRINT');
    expect(chit?.lines.join('\n')).toContain('ALL STATIONS');
    expect(receipt?.lines[0]).toBe('Demo Diner');
    expect(receipt?.lines.some((l) => /^TOTAL\s+\$\d+\.\d\d$/.test(l))).toBe(true);
    expect(receipt?.lines.some((l) => /^Tip\s+\$1\.50$/.test(l))).toBe(true);
  });

  test("another store's order, a printer port that is not a printer's, and a stranger are refused", async () => {
    const order = await guest.trpc.order.place.mutate(fx.order());
    const rival = await createRivalStore(fx.db.db);
    const theirs = connect(server, await fx.login(guest, rival.email));
    try {
      await expect(
        theirs.trpc.printing.print.mutate({ orderId: order.orderId, kind: 'receipt' }),
      ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
      await expect(
        guest.trpc.printing.print.mutate({ orderId: order.orderId, kind: 'receipt' }),
      ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      await expect(
        manager.trpc.printing.savePrinter.mutate({ name: 'ssh', host: '10.0.0.1', port: 22 }),
      ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
      await expect(
        manager.trpc.printing.savePrinter.mutate({ name: 'url', host: 'http://x/', port: 9100 }),
      ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    } finally {
      theirs.close();
    }
    expect(await printed()).toEqual([]);
  });
});

/** One regular fries (a Fry station item). */
async function friesLine() {
  const [fries] = await fx.db.db.select().from(menuItems).where(eq(menuItems.name, 'Fries'));
  const [regular] = await fx.db.db
    .select({ id: modifiers.id })
    .from(modifiers)
    .where(and(eq(modifiers.name, 'Regular'), eq(modifiers.storeId, fx.storeId)));
  return { menuItemId: fries?.id ?? '', quantity: 1, modifierIds: [regular?.id ?? ''] };
}
