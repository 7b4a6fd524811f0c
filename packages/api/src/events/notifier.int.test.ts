import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { commitEvents, createHarness, type Harness } from '../test/fixtures.ts';
import { EventBus } from './event-bus.ts';
import { createNotifier, EventNotifier } from './notifier.ts';
import { createEventLog, listenForEvents } from './wiring.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('EventNotifier', () => {
  test('one statement for the commits of one moment, with the newest seq of each store', async () => {
    const sent: string[][] = [];
    const notifier = new EventNotifier(async (pairs) => void sent.push(pairs));
    notifier.notify('a', 1);
    notifier.notify('b', 7);
    notifier.notify('a', 3);
    notifier.notify('a', 2);
    await notifier.drain();
    expect(sent).toEqual([['a:3', 'b:7']]);
  });

  test('commits made while a statement is on its way go out together in the next one', async () => {
    const sent: string[][] = [];
    let release = () => {};
    const notifier = new EventNotifier(async (pairs) => {
      sent.push(pairs);
      if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    notifier.notify('a', 1);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    notifier.notify('a', 2);
    notifier.notify('a', 3);
    notifier.notify('b', 1);
    release();
    await notifier.drain();
    expect(sent).toEqual([['a:1'], ['a:3', 'b:1']]);
  });

  test('a failed statement is reported, and later commits are still announced', async () => {
    const errors: unknown[] = [];
    const sent: string[][] = [];
    const notifier = new EventNotifier(
      async (pairs) => {
        if (pairs[0] === 'a:1') throw new Error('connection lost');
        sent.push(pairs);
      },
      (error) => errors.push(error),
    );
    notifier.notify('a', 1);
    await notifier.drain();
    notifier.notify('a', 2);
    await notifier.drain();
    expect(errors).toHaveLength(1);
    expect(sent).toEqual([['a:2']]);
  });
});

/** An instance: a bus of its own on the shared database, woken as the server wires it. */
async function instance(options: { announce: boolean; pollMs: number }) {
  const notifier = createNotifier(h.handle);
  const bus = new EventBus(createEventLog(h.db), {
    ...(options.announce ? { announce: (s, q) => notifier.notify(s, q) } : {}),
  });
  const listener = await listenForEvents(bus, h.handle, { pollMs: options.pollMs });
  onTestFinished(async () => {
    await notifier.drain();
    await listener.close();
  });
  return bus;
}

const commitOn = (bus: EventBus, n: number) => commitEvents(h, n, bus);

async function watch(bus: EventBus) {
  const got: number[] = [];
  const { unsubscribe } = await bus.subscribe(h.demo.storeId, (events) =>
    got.push(...events.map((e) => e.seq)),
  );
  onTestFinished(unsubscribe);
  return got;
}

describe('waking the other instances after commit', () => {
  test('a commit here reaches a screen on another instance by NOTIFY alone (no poll)', async () => {
    const writer = await instance({ announce: true, pollMs: 0 });
    const reader = await instance({ announce: true, pollMs: 0 });
    const got = await watch(reader);
    const seqs = await commitOn(writer, 5);
    await vi.waitFor(() => expect(got).toEqual(seqs));
  });

  test('an instance that dies between commit and NOTIFY costs latency, never an event', async () => {
    // The writer commits and never announces, as if killed right after COMMIT.
    const writer = await instance({ announce: false, pollMs: 0 });
    const deaf = await instance({ announce: true, pollMs: 0 });
    const polling = await instance({ announce: true, pollMs: 200 });
    const unheard = await watch(deaf);
    const caughtUp = await watch(polling);
    const seqs = await commitOn(writer, 3);
    await vi.waitFor(() => expect(caughtUp).toEqual(seqs), { timeout: 3_000 });
    expect(unheard).toEqual([]);
    // The next wake-up from anywhere brings the silent commits along, in order.
    const later = await commitOn(deaf, 1);
    await vi.waitFor(() => expect(unheard).toEqual([...seqs, ...later]));
  });
});
