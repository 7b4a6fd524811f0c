import { blackHoleRelay } from '@kds/server/testing/relay';
import { expect, test } from '../support/test.ts';
import { PORT } from '../playwright.config.ts';
import { api, clearBoard, Demo } from '../support/api.ts';
import { enableSound, ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('a screen whose link goes dead without closing notices within seconds and catches up by itself', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const link = await blackHoleRelay(PORT);
  const demo = await Demo.load();
  const { token } = await api().auth.login.mutate({ email: 'kitchen@demo.test', password: 'demo' });
  const expo = (await api(token).kitchen.config.query()).stations.find((s) => s.name === 'Expo');
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto(`http://${link.url}/kitchen/?station=${expo?.id}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await enableSound(page);

  link.blackHoleOpenConnections();
  const order = await demo.place([demo.line('Classic Burger', 1, 'Medium')]);
  // Chromium on its own waits 60 s for a closing handshake a dead link never completes; the
  // screen's keep-alive gives up after 4 s + 2 s of silence and its close is final in 1 s.
  await expect(ticket(page, order.number)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  link.close();
});
