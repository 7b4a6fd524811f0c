import { chromium } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { PORT } from '../playwright.config.ts';
import { clearBoard } from '../support/api.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

/**
 * A kiosk or a wall screen on the restaurant's own network reaches KDS by a name or address that
 * is not localhost, over plain HTTP: the browser treats the page as insecure and withholds the
 * APIs that need a secure context (crypto.randomUUID, clipboard, wake lock, ...).
 */
test('over plain HTTP on the restaurant network, a kiosk takes an order and the kitchen shows it', async () => {
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--host-resolver-rules=MAP kds-lan.test 127.0.0.1'],
  });
  try {
    const base = `http://kds-lan.test:${PORT}`;
    const kiosk = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    const errors: string[] = [];
    kiosk.on('pageerror', (error) => errors.push(error.message));
    await kiosk.goto(`${base}/order/demo?kiosk=1&store=demo`);
    expect(await kiosk.evaluate(() => window.isSecureContext)).toBe(false);
    await kiosk.getByRole('button', { name: 'Add Lemonade to cart' }).click();
    await kiosk
      .getByRole('dialog')
      .getByRole('button', { name: /^Add to cart/ })
      .click();
    await kiosk.getByRole('button', { name: /View cart/ }).click();
    await kiosk.getByLabel('Name').fill('Lan');
    await kiosk.getByLabel('At the counter').check();
    await kiosk.getByRole('button', { name: /Place order/ }).click();
    await expect(kiosk.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
    const number = Number((await kiosk.locator('.order-number').textContent())?.replace('#', ''));
    expect(errors).toEqual([]);

    const wall = await browser.newPage();
    await wall.goto(`${base}/kitchen/`);
    await wall.getByLabel('Email').fill('kitchen@demo.test');
    await wall.getByLabel('Password').fill('demo');
    await wall.getByRole('button', { name: 'Sign in' }).click();
    await wall.getByRole('button', { name: /^Expo/ }).click();
    await expect(wall.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    await expect(ticket(wall, number)).toBeVisible();
  } finally {
    await browser.close();
  }
});
