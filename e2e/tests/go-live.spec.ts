import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { PORT } from '../playwright.config.ts';
import { productionEnv, runKds, startKds, type RunningKds } from '../support/install.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { ticket } from '../support/screens.ts';

// Its own servers, in production, on a fresh database with no demo store.
const FIRST = PORT + 10;
const SECOND = PORT + 11;
const work = mkdtempSync(join(tmpdir(), 'kds-go-live-'));
const servers: RunningKds[] = [];
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(work, { recursive: true, force: true });
});
test.use({ viewport: { width: 1440, height: 900 } });

async function signIn(browser: Browser, url: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/admin/`);
  await page.getByLabel('Email').fill('rosa@taqueria.example');
  await page.getByLabel('Password').fill('rosa-owns-this-place');
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

test('a restaurant goes live: first run, a station and an item, a paired screen, a guest order, a backup restored on a second server', async ({
  browser,
}) => {
  const env = productionEnv(FIRST, join(work, 'live'));
  const first = await startKds(env);
  servers.push(first);
  // The server answers /readyz as soon as it listens, and logs the code a moment later.
  const codeIn = (output: string) =>
    /setup code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(output)?.[1];
  await expect.poll(() => codeIn(first.output())).toBeTruthy();
  const code = codeIn(first.output());

  // The owner opens the console: no store yet, so it asks for the code from the log.
  const owner = await (await browser.newContext()).newPage();
  await owner.goto(`${first.url}/admin/`);
  await expect(owner.getByRole('heading', { name: 'Set up KDS' })).toBeVisible();
  await owner.getByLabel('Setup code').fill(code ?? '');
  await owner.getByLabel('Your name').fill('Rosa Diaz');
  await owner.getByLabel('Your email (you sign in with it)').fill('rosa@taqueria.example');
  await owner.getByLabel('Choose a password (10 characters or more)').fill('rosa-owns-this-place');
  await owner.getByLabel('The same password again').fill('rosa-owns-this-place');
  await owner.getByLabel('Store name').fill('Taqueria Rosa');
  await expect(owner.getByLabel('Web address: /order/…')).toHaveValue('taqueria-rosa');
  await owner.getByLabel('Time zone').selectOption('America/Los_Angeles');
  await owner.getByLabel('Tax added to prices (%)').fill('9.5');
  // Open around the clock, so a guest can order whenever this test runs.
  for (let i = 1; i <= 7; i++) {
    await owner.getByLabel(`Opens, interval ${i}`, { exact: true }).fill('00:00');
    await owner.getByLabel(`Closes, interval ${i}`, { exact: true }).fill('24:00');
  }
  await shot(owner, 'admin-first-run', true);
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole('button', { name: 'Create the store and sign in' }).click();
  await expect(owner.getByRole('heading', { name: 'Taqueria Rosa' })).toBeVisible();

  // A station, a category and an item.
  await owner.getByRole('link', { name: 'Menu' }).click();
  await owner.getByLabel('Station name').fill('Plancha');
  await owner.getByRole('button', { name: 'Add station' }).click();
  await expect(owner.getByText('Plancha', { exact: true })).toBeVisible();
  await owner.getByLabel('Category name').fill('Tacos');
  await owner.getByRole('button', { name: 'Add category' }).click();
  await owner
    .getByRole('region', { name: 'Tacos' })
    .getByRole('button', { name: 'Add item to Tacos' })
    .click();
  const editor = owner.getByRole('region', { name: 'New item' });
  await editor.getByLabel('Name', { exact: true }).fill('Al Pastor');
  await editor.getByLabel('Station').selectOption({ label: 'Plancha' });
  await editor.getByLabel('Price').fill('3.75');
  await editor.getByRole('button', { name: 'Save item' }).click();
  await expect(owner.getByRole('row').filter({ hasText: 'Al Pastor' })).toContainText('Plancha');

  // The settings page: the store as set up, and what the server is connected to.
  await owner.getByRole('link', { name: 'Settings' }).click();
  await expect(owner.getByRole('region', { name: 'Services' })).toContainText('None');
  await expect(owner.getByLabel('Web address: /order/…')).toHaveValue('taqueria-rosa');
  await shot(owner, 'admin-settings-new-store', true);
  expect(await seriousViolations(owner)).toEqual([]);

  // A wall screen is paired with a code from the Screens page.
  await owner.getByRole('link', { name: 'Screens' }).click();
  await owner.getByLabel('Screen name').fill('Plancha wall');
  await owner.getByLabel('Station').selectOption({ label: 'Plancha' });
  await owner.getByRole('button', { name: 'Create code' }).click();
  const pairing = (await owner.locator('.pair-code strong').textContent()) ?? '';
  const wall = await (await browser.newContext()).newPage();
  await wall.goto(`${first.url}/kitchen/`);
  await wall.getByLabel('Pairing code').fill(pairing);
  await wall.getByRole('button', { name: 'Pair screen' }).click();
  await expect(wall.getByRole('heading', { name: 'Plancha', level: 1 })).toBeVisible();

  // A guest orders at the counter; the ticket is on the wall at once.
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await phone.goto(`${first.url}/order/taqueria-rosa`);
  await phone.getByRole('button', { name: 'Add Al Pastor to cart' }).click();
  await phone
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await phone.getByRole('button', { name: /View cart/ }).click();
  await phone.getByLabel('Name').fill('Marisol');
  await phone.getByRole('button', { name: /Place order/ }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  const number = Number((await phone.locator('.order-number').textContent())?.replace('#', ''));
  await expect(ticket(wall, number)).toBeVisible();

  // A backup while the server keeps serving, restored into a new folder, served by another.
  const file = join(work, 'taqueria.tar.gz');
  expect(runKds(['backup', file], env)).toContain('Backed up');
  const restoredEnv = productionEnv(SECOND, join(work, 'restored'));
  expect(runKds(['restore', file], restoredEnv)).toContain('Restored');
  const second = await startKds(restoredEnv);
  servers.push(second);
  expect(second.output()).not.toContain('setup code');

  const again = await signIn(browser, second.url);
  await again.getByRole('link', { name: 'Orders' }).click();
  await expect(again.getByRole('link', { name: `#${number}` })).toBeVisible();
  await expect(again.getByRole('row').filter({ hasText: `#${number}` })).toContainText('Marisol');

  // The owner opens a second store, and the console switches to it.
  await again.getByRole('link', { name: 'Open a store' }).click();
  await again.getByLabel('Store name').fill('Taqueria Rosa Norte');
  await again.getByLabel('Currency').selectOption('MXN');
  await again.getByLabel('Time zone').selectOption('America/Mexico_City');
  await shot(again, 'admin-open-store', true);
  expect(await seriousViolations(again)).toEqual([]);
  await again.getByRole('button', { name: 'Open the store' }).click();
  await expect(again.getByRole('heading', { name: 'Taqueria Rosa Norte' })).toBeVisible();
  await expect(again.getByLabel('Store')).toContainText('Taqueria Rosa');
});
