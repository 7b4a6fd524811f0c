import { expect, test } from '../support/test.ts';
import { api, clearBoard, Demo, staffApi } from '../support/api.ts';
import { enableSound, ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('a manager pairs a wall screen with a code; the screen reloads into its station', async ({
  browser,
}) => {
  const managerPage = await (await browser.newContext()).newPage();
  await managerPage.goto('/kitchen/');
  await managerPage.getByLabel('Email').fill('manager@demo.test');
  await managerPage.getByLabel('Password').fill('demo');
  await managerPage.getByRole('button', { name: 'Sign in' }).click();
  await managerPage.getByRole('button', { name: 'Pair a Cold screen' }).click();
  const code = (await managerPage.getByRole('status').locator('b').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const wall = await (await browser.newContext()).newPage();
  await wall.goto('/kitchen/');
  await wall.getByLabel('Pairing code').fill(code.toLowerCase());
  await wall.getByRole('button', { name: 'Pair screen' }).click();
  await expect(wall.getByRole('heading', { name: 'Cold', level: 1 })).toBeVisible();
  await expect(wall.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  const demo = await Demo.load();
  const order = await demo.place([demo.line('Caesar Salad')]);
  await enableSound(wall);
  await expect(ticket(wall, order.number)).toBeVisible();
  await wall.reload();
  await expect(wall.getByRole('heading', { name: 'Cold', level: 1 })).toBeVisible();
  await expect(ticket(wall, order.number)).toBeVisible();
});

test('the screen asks for a tap where the browser blocks sound, then plays', async ({ page }) => {
  // Hold every AudioContext suspended until a user gesture, as the autoplay policy does on a
  // wall screen (headless Chromium has no audio device and may start it by itself).
  await page.addInitScript(() => {
    const Native = window.AudioContext;
    let gesture = false;
    addEventListener('pointerdown', () => (gesture = true), { capture: true });
    window.AudioContext = class extends Native {
      constructor(options?: AudioContextOptions) {
        super(options);
        void this.suspend();
      }
      override resume() {
        return gesture ? super.resume() : Promise.resolve();
      }
    };
  });
  const { token } = await api().auth.login.mutate({ email: 'kitchen@demo.test', password: 'demo' });
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto('/kitchen/?station=' + (await api(token).kitchen.config.query()).stations[0]?.id);
  const overlay = page.getByRole('button', { name: /Tap to enable sound/ });
  await expect(overlay).toBeVisible();
  await overlay.click();
  await expect(overlay).toHaveCount(0);
});

test('a screen the manager unpairs goes back to the sign-in screen by itself', async ({ page }) => {
  const manager = await staffApi('manager@demo.test');
  const { code } = await manager.device.createPairingCode.mutate({ name: 'Soon gone' });
  const { token, device } = await api().device.pair.mutate({ code });
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto('/kitchen/');
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await manager.device.revoke.mutate({ deviceId: device.id });
  await expect(page.getByRole('heading', { name: 'Pair this screen' })).toBeVisible();
});
