import { createServer, Socket, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config.ts';
import { api, clearBoard, Demo } from '../support/api.ts';
import { enableSound, ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

/**
 * A relay in front of the server whose open connections can be black-holed: their bytes stop
 * both ways but nothing is closed, like a cable pulled somewhere in between. New connections
 * pass, as they would once the screen's Wi-Fi finds another way.
 */
async function relay() {
  const holed = new WeakSet<Socket>();
  const open = new Set<Socket>();
  const server: Server = createServer((down) => {
    const up = new Socket();
    up.connect(PORT, '127.0.0.1');
    open.add(down);
    down.on('data', (chunk) => void (!holed.has(down) && up.write(chunk)));
    up.on('data', (chunk) => void (!holed.has(down) && down.write(chunk)));
    const end = () => {
      open.delete(down);
      if (!holed.has(down)) {
        up.destroy();
        down.destroy();
      }
    };
    up.on('close', end).on('error', () => {});
    down.on('close', end).on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    blackHoleOpenConnections: () => open.forEach((socket) => holed.add(socket)),
    close: () => server.close(),
  };
}

test('a screen whose link goes dead without closing notices within seconds and catches up by itself', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const link = await relay();
  const demo = await Demo.load();
  const { token } = await api().auth.login.mutate({ email: 'kitchen@demo.test', password: 'demo' });
  const expo = (await api(token).kitchen.config.query()).stations.find((s) => s.name === 'Expo');
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto(`${link.origin}/kitchen/?station=${expo?.id}`);
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
