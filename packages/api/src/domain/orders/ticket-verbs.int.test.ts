import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  writeCounts,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let cook: Principal;
let manager: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const place = async () => h.caller().order.place(counterOrder(h.demo));

describe('ticket verbs', () => {
  test('a station bump marks only that station done; expo bump makes it READY', async () => {
    const { orderId } = await place();
    const k = h.caller(cook);
    const grill = await k.ticket.bump({ orderId, stationId: h.demo.station.Grill });
    expect(grill.status).toBe('PREPARING');
    expect(grill.startedAt).not.toBeNull();
    expect(grill.items.map((i) => i.status)).toEqual(['done', 'queued']);

    expect(await trpcCodeOf(k.ticket.bump({ orderId, stationId: h.demo.station.Expo }))).toBe(
      'PRECONDITION_FAILED',
    );
    const fry = await k.ticket.bump({ orderId, stationId: h.demo.station.Fry });
    // The demo store has an expo station, so the last station does not make it READY.
    expect(fry.status).toBe('PREPARING');
    const ready = await k.ticket.bump({ orderId, stationId: h.demo.station.Expo });
    expect(ready.status).toBe('READY');
    expect(ready.readyAt).not.toBeNull();
  });

  test('expo can force a ticket to READY, marking the rest done', async () => {
    const { orderId } = await place();
    const ready = await h.caller(cook).ticket.bump({ orderId, force: true });
    expect(ready.status).toBe('READY');
    expect(ready.items.every((i) => i.status === 'done')).toBe(true);
  });

  test('bumpItem starts the ticket and bumps one item', async () => {
    const { orderId } = await place();
    const before = await h.caller(cook).kitchen.tickets({});
    const ticket = before.tickets.find((t) => t.orderId === orderId);
    const item = ticket?.items[0];
    const after = await h.caller(cook).ticket.bumpItem({ orderId, itemId: item?.id ?? '' });
    expect(after.status).toBe('PREPARING');
    expect(after.items[0]?.status).toBe('done');
    expect(
      await trpcCodeOf(h.caller(cook).ticket.bumpItem({ orderId, itemId: item?.id ?? '' })),
    ).toBe('PRECONDITION_FAILED');
  });

  test('one item tapped by mistake comes back alone; only a done item, only while cooking', async () => {
    const { orderId } = await place();
    const k = h.caller(cook);
    const ticket = (await k.kitchen.tickets({})).tickets.find((t) => t.orderId === orderId);
    const [burger, fries] = ticket?.items ?? [];
    await k.ticket.bumpItem({ orderId, itemId: burger?.id ?? '' });
    const both = await k.ticket.bumpItem({ orderId, itemId: fries?.id ?? '' });
    expect(both.items.map((i) => i.status)).toEqual(['done', 'done']);
    const back = await k.ticket.recall({ orderId, itemId: fries?.id ?? '' });
    expect(back.status).toBe('PREPARING');
    expect(back.items.map((i) => i.status)).toEqual(['done', 'queued']);
    // A queued item is not "back"; another station's screen cannot touch the grill's item.
    expect(await trpcCodeOf(k.ticket.recall({ orderId, itemId: fries?.id ?? '' }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(
      await trpcCodeOf(
        k.ticket.recall({ orderId, itemId: burger?.id ?? '', stationId: h.demo.station.Fry }),
      ),
    ).toBe('FORBIDDEN');
    await k.ticket.bump({ orderId, force: true });
    await h.caller(manager).order.complete({ orderId });
    expect(await trpcCodeOf(k.ticket.recall({ orderId, itemId: burger?.id ?? '' }))).toBe(
      'PRECONDITION_FAILED',
    );
  });

  test('recall brings READY back to PREPARING with its timer running', async () => {
    const { orderId } = await place();
    const k = h.caller(cook);
    const ready = await k.ticket.bump({ orderId, force: true });
    const recalled = await k.ticket.recall({ orderId, stationId: h.demo.station.Grill });
    expect(recalled.status).toBe('PREPARING');
    expect(recalled.placedAt).toBe(ready.placedAt);
    expect(recalled.startedAt).toBe(ready.startedAt);
    expect(recalled.readyAt).toBeNull();
    expect(recalled.items.map((i) => i.status)).toEqual(['queued', 'done']);
  });

  test('prioritize moves a ticket to the front of the snapshot', async () => {
    const first = await place();
    const second = await place();
    await h.caller(cook).ticket.prioritize({ orderId: second.orderId });
    const { tickets } = await h.caller(cook).kitchen.tickets({});
    const ids = tickets.map((t) => t.orderId);
    expect(ids.indexOf(second.orderId)).toBeLessThan(ids.indexOf(first.orderId));
    expect(ids[0]).toBe(second.orderId);
  });

  test('a manager cancels; the ticket leaves the kitchen and further bumps are invalid', async () => {
    const { orderId } = await place();
    const canceled = await h.caller(manager).order.cancel({ orderId, reason: 'customer left' });
    expect(canceled.status).toBe('CANCELED');
    const { tickets } = await h.caller(cook).kitchen.tickets({});
    expect(tickets.map((t) => t.orderId)).not.toContain(orderId);
    const before = await writeCounts(h.db, h.demo.storeId);
    expect(await trpcCodeOf(h.caller(cook).ticket.bump({ orderId, force: true }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await trpcCodeOf(h.caller(manager).order.cancel({ orderId, reason: 'again' }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  });

  test('the kitchen role cannot cancel', async () => {
    const { orderId } = await place();
    expect(await trpcCodeOf(h.caller(cook).order.cancel({ orderId, reason: 'x' }))).toBe(
      'FORBIDDEN',
    );
  });

  test('two concurrent bumps with the same expectedVersion: one succeeds, one CONFLICT', async () => {
    const { orderId } = await place();
    const { tickets } = await h.caller(cook).kitchen.tickets({});
    const version = tickets.find((t) => t.orderId === orderId)?.version ?? 0;
    const results = await Promise.allSettled([
      h
        .caller(cook)
        .ticket.bump({ orderId, stationId: h.demo.station.Grill, expectedVersion: version }),
      h
        .caller(cook)
        .ticket.bump({ orderId, stationId: h.demo.station.Fry, expectedVersion: version }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
  });

  test("another store's staff get NOT_FOUND for this store's orders and change nothing", async () => {
    const { orderId } = await place();
    const other = await createOtherStore(h.db, 'rival');
    const outsider = await h.staffOf(other.storeId, 'manager');
    const before = await writeCounts(h.db, h.demo.storeId);
    expect(await trpcCodeOf(h.caller(outsider).ticket.bump({ orderId, force: true }))).toBe(
      'NOT_FOUND',
    );
    expect(await trpcCodeOf(h.caller(outsider).order.cancel({ orderId, reason: 'x' }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await trpcCodeOf(h.caller(outsider).kitchen.tickets({ stationId: h.demo.station.Grill })),
    ).toBe('NOT_FOUND');
    const theirs = await h.caller(outsider).kitchen.tickets({});
    expect(theirs.tickets).toEqual([]);
    expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  });

  test('no principal, no kitchen data', async () => {
    expect(await trpcCodeOf(h.caller(null).kitchen.tickets({}))).toBe('UNAUTHORIZED');
    const { orderId } = await place();
    expect(await trpcCodeOf(h.caller(null).ticket.bump({ orderId, force: true }))).toBe(
      'UNAUTHORIZED',
    );
  });

  test('the snapshot cursor is the store head and every verb appended its events', async () => {
    const { orderId } = await place();
    await h.caller(cook).ticket.bump({ orderId, force: true });
    const snapshot = await h.caller(cook).kitchen.tickets({});
    const { seq } = await writeCounts(h.db, h.demo.storeId);
    expect(snapshot.cursor).toBe(String(seq));
  });
});
