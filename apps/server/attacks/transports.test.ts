import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Fixture,
  type Server,
} from '../src/test/harness.ts';
import { mutate, openEventStream, signIn } from './support.ts';

/**
 * Every guard holds whatever carries a call or a stream: a signed-out session stops receiving
 * on every transport, and the caps count per signed-in identity, not per connection.
 */
let fx: Fixture;
let server: Server;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, { jobs: false });
});
afterAll(async () => {
  await server.close();
  await fx.db.close();
});

describe('attack: a signed-out session keeps streaming guests', () => {
  test('subscriptions over server-sent events are refused', async () => {
    const token = await signIn(server, 'kitchen@demo.test');
    const stream = await openEventStream(server, 'kitchen.onEvent', {}, { token });
    onTestFinished(() => stream.close());
    // The stream guards (revocation, caps, keep-alive, slow consumers) live on the WebSocket:
    // this transport is off, so a token cannot open a stream that nothing watches.
    expect({ stream: stream.isStream, refused: stream.status >= 400 }).toEqual({
      stream: false,
      refused: true,
    });
  });

  test('a WebSocket stream ends within seconds of signing out, and carries nothing after', async () => {
    const token = await signIn(server, 'kitchen@demo.test');
    const screen = connect(server, token);
    onTestFinished(() => screen.close());
    const feed = subscribeKitchen(screen);
    await vi.waitFor(() => expect(feed.received.started).toBe(true));
    await mutate(server, 'auth.logout', null, { token });
    await vi.waitFor(() => expect(feed.received.errors).not.toEqual([]), {
      timeout: 5_000,
      interval: 100,
    });
    await mutate(server, 'order.place', fx.order({ customer: { name: 'Grace After' } }));
    expect(JSON.stringify(feed.received.data)).not.toContain('Grace After');
  });
});

describe('attack: one identity opening subscriptions on many connections', () => {
  test('the subscription cap counts per identity, not per connection', async () => {
    const token = await signIn(server, 'kitchen@demo.test');
    const outcomes = { started: 0, refused: 0 };
    for (let c = 0; c < 3; c += 1) {
      const conn = connect(server, token);
      onTestFinished(() => conn.close());
      for (let s = 0; s < 15; s += 1) {
        conn.trpc.kitchen.onEvent.subscribe(
          {},
          {
            onStarted: () => (outcomes.started += 1),
            onError: () => (outcomes.refused += 1),
          },
        );
      }
    }
    await vi.waitFor(() => expect(outcomes.started + outcomes.refused).toBe(45));
    expect(outcomes.started).toBeLessThanOrEqual(20);
  });
});
