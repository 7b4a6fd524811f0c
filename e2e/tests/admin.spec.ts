import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, clearBoard, staffApi } from '../support/api.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());
test.use({ viewport: { width: 1440, height: 900 } });

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `../docs/screenshots/${name}.png`, animations: 'disabled', fullPage });

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

async function signIn(page: Page, email: string) {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
}

/** A guest on their phone orders a salad online and pays at the simulated checkout. */
async function guestPaysOnline(browser: Browser): Promise<number> {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto('/order/demo');
  await phone.getByRole('button', { name: 'Add Garden Salad to cart' }).click();
  await phone
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await phone.getByRole('button', { name: /View cart/ }).click();
  await phone.getByLabel('Name').fill('Barbara');
  await phone.getByLabel('Online').check();
  await phone.getByRole('button', { name: /Place order · \$/ }).click();
  const heading = phone.getByRole('heading', { name: /Order #\d+/ });
  await expect(heading).toBeVisible();
  const number = Number((await heading.textContent())?.replace(/\D/g, ''));
  await phone.getByRole('button', { name: 'Pay' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  await phone.close();
  return number;
}

test('a paid order appears live in the orders table; the manager cancels it with a refund and the timeline tells who did what', async ({
  page,
  browser,
}) => {
  await signIn(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();

  const number = await guestPaysOnline(browser);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${number}` }) });
  await expect(row).toContainText('paid'); // no reload: the store's events refresh the table
  await expect(row).toContainText('New');
  await shot(page, 'admin-orders');
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole('link', { name: `#${number}` }).click();
  await expect(page.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept('Out of salad tonight'));
  await page.getByRole('button', { name: 'Cancel and refund' }).click();
  await expect(page.getByRole('heading', { name: `Order #${number}` })).toContainText('Canceled');

  const timeline = page.getByRole('list').filter({ hasText: 'Sent to the kitchen' });
  await expect(timeline).toContainText('Order created, waiting for payment');
  await expect(timeline).toContainText('by guest');
  await expect(timeline).toContainText('Canceled');
  await expect(timeline).toContainText('by Max Manager');
  await expect(timeline).toContainText('Out of salad tonight');
  // The refund leaves through the outbox (the server's job runs every 2 s).
  await expect(timeline).toContainText('Refund: sent', { timeout: 15_000 });
  await expect(page.getByText('Refunded', { exact: true })).toBeVisible();
  await shot(page, 'admin-order-timeline');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dashboard, screens and messages show the state of the kitchen and what left', async ({
  page,
}) => {
  const manager = await staffApi('manager@demo.test');
  // A wall screen that was paired and then went quiet.
  const { code } = await manager.device.createPairingCode.mutate({ name: 'Fry wall' });
  await api().device.pair.mutate({ code });

  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
  await shot(page, 'admin-dashboard');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Screens' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Fry wall' })).toContainText('Live');
  await shot(page, 'admin-screens');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages' })).toBeVisible();
  await shot(page, 'admin-messages');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a manager words the ready text and sets who is texted about stuck screens', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Ready text').fill('{store}: #{number} is up![ Code {code}.]');
  await page
    .getByLabel('Text managers when a screen is stuck (phones, comma-separated)')
    .fill('+15550100100');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await shot(page, 'admin-settings', true);
  expect(await seriousViolations(page)).toEqual([]);

  // A mistake is named and nothing is saved.
  await page.getByLabel('Ready text').fill('Ready, {nmae}!');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('use only {store}');
  const saved = await (await staffApi('manager@demo.test')).store.settings.query();
  expect(saved.settings.notifications.templates?.smsReady).toBe(
    '{store}: #{number} is up![ Code {code}.]',
  );
  expect(saved.settings.notifications.escalation?.phones).toEqual(['+15550100100']);
  // Put the demo back as it was for the other specs.
  await (
    await staffApi('manager@demo.test')
  ).store.updateSettings.mutate({
    name: saved.name,
    timezone: saved.timezone,
    openingHours: saved.openingHours,
    settings: {
      ...saved.settings,
      notifications: {
        ...saved.settings.notifications,
        templates: {},
        escalation: { phones: [], afterMinutes: 5 },
      },
    },
  });
});
