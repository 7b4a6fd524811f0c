import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

let fx: Fixture;
let server: Server;
beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, { jobs: false, metricsToken: 'metrics-token-0123456789' });
});
afterAll(closeAll);

const scrape = (token = 'metrics-token-0123456789') =>
  fetch(`http://${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });

describe('/metrics', () => {
  test('reports connections, subscriptions, screen lag, the outbox and request latency', async () => {
    const guest = connect(server);
    const manager = connect(server, await fx.login(guest, 'manager@demo.test'));
    const { code } = await manager.trpc.device.createPairingCode.mutate({ name: 'Grill wall' });
    const { token } = await guest.trpc.device.pair.mutate({ code });
    const screen = connect(server, token);
    const stream = subscribeKitchen(screen);
    await vi.waitFor(() => expect(stream.received.started).toBe(true));
    await screen.trpc.kitchen.ack.mutate({ seq: 0 });
    await guest.trpc.order.place.mutate(
      fx.order({ customer: { name: 'Ada', phone: '+15550101010', smsConsent: true } }),
    );

    // Its first live event handed the screen over to its station's shared tail.
    await vi.waitFor(() => expect(stream.received.data).toHaveLength(1));
    const response = await scrape();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^kds_websocket_connections [1-9]/m);
    expect(text).toMatch(/^kds_subscriptions\{kind="kitchen"\} 1$/m);
    expect(text).toMatch(/^kds_live_group_members 1$/m);
    expect(text).toMatch(/^kds_screen_lag_events\{store="demo",screen="Grill wall"\} [1-9]/m);
    expect(text).toMatch(/^kds_outbox_messages\{channel="sms",status="pending"\} 1$/m);
    expect(text).toMatch(
      /^kds_http_request_duration_seconds_count\{method="POST",route="\/trpc\/:path",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^kds_nodejs_eventloop_lag_p99_seconds /m);

    stream.unsubscribe();
    await vi.waitFor(async () =>
      expect(await (await scrape()).text()).toMatch(/^kds_subscriptions\{kind="kitchen"\} 0$/m),
    );
    expect(await (await scrape()).text()).toMatch(/^kds_live_group_members 0$/m);
    for (const c of [screen, manager, guest]) c.close();
  });

  test('asks for its token when one is set', async () => {
    expect((await fetch(`http://${server.url}/metrics`)).status).toBe(401);
    expect((await scrape('wrong-token-00000000')).status).toBe(401);
  });
});
