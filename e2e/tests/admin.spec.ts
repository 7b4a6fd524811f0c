import type { Browser } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, clearBoard, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { signInToAdmin } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());
test.use({ viewport: { width: 1440, height: 900 } });

/** A guest on their phone orders the new taco with hot salsa and pays at the simulated checkout. */
async function guestOrdersTaco(browser: Browser): Promise<number> {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto('/order/demo');
  await phone.getByRole('button', { name: 'Add Fish Taco to cart' }).click();
  const sheet = phone.getByRole('dialog');
  await sheet.getByRole('radio', { name: /Habanero/ }).check();
  await sheet.getByRole('button', { name: /^Add to cart/ }).click();
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

test('the owner adds an item with a choice routed to a station; a guest orders it; it appears live; the manager cancels with a refund; the timeline tells who did each step', async ({
  page,
  browser,
}) => {
  // The owner puts a new item on the menu, with a required choice, cooked at the fry station.
  await signInToAdmin(page, 'owner@demo.test');
  await page.getByRole('link', { name: 'Menu' }).click();
  const mains = page.getByRole('region', { name: 'Burgers' });
  await mains.getByRole('button', { name: 'Add item to Burgers' }).click();
  const editor = page.getByRole('region', { name: 'New item' });
  await editor.getByLabel('Name', { exact: true }).fill('Fish Taco');
  await editor.getByLabel('Station').selectOption({ label: 'Fry' });
  await editor.getByLabel('Price').fill('4.50');
  await editor.getByLabel('Cost').fill('1.40');
  await editor.getByLabel('Allergens (comma-separated)').fill('fish, gluten');
  await editor.getByRole('button', { name: 'Add a group of choices' }).click();
  await editor.getByLabel('Group name').fill('Salsa');
  await editor.getByLabel('At least').fill('1');
  await editor.getByLabel('Choice').fill('Mild');
  await editor.getByRole('button', { name: 'Add choice' }).click();
  await editor.getByLabel('Choice').nth(1).fill('Habanero');
  await editor.getByLabel('Ticket label').nth(1).fill('HOT salsa');
  await editor.getByLabel('Price change').nth(1).fill('0.50');
  await shot(page, 'admin-menu-editor');
  expect(await seriousViolations(page)).toEqual([]);
  await editor.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('status').filter({ hasText: '"Fish Taco" saved' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Fish Taco' });
  await expect(row).toContainText('Fry');
  await expect(row).toContainText('Salsa (2)');
  await shot(page, 'admin-menu', true);

  // The manager watches the orders table while a guest orders it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInToAdmin(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  const number = await guestOrdersTaco(browser);
  const order = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `#${number}` }) });
  await expect(order).toContainText('Paid'); // no reload: the store's events refresh the table
  await expect(order).toContainText('New');
  await shot(page, 'admin-orders');
  expect(await seriousViolations(page)).toEqual([]);

  // The fry cook starts it; then the manager cancels it with a refund.
  const cook = await staffApi('kitchen@demo.test');
  const { tickets } = await cook.kitchen.tickets.query({});
  const ticket = tickets.find((t) => t.number === number);
  expect(ticket?.items.map((i) => [i.name, i.modifiers])).toEqual([['Fish Taco', ['HOT salsa']]]);
  await cook.ticket.start.mutate({ orderId: ticket?.orderId ?? '' });

  await order.getByRole('link', { name: `#${number}` }).click();
  await expect(page.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept('Out of fish tonight'));
  await page.getByRole('button', { name: 'Cancel and refund' }).click();
  await expect(page.getByRole('heading', { name: `Order #${number}` })).toContainText('Canceled');

  const timeline = page.getByRole('list').filter({ hasText: 'Sent to the kitchen' });
  await expect(timeline).toContainText('Order created, waiting for payment');
  await expect(timeline).toContainText('by guest');
  await expect(timeline).toContainText('Payment paid');
  await expect(timeline).toContainText('by Stripe');
  await expect(timeline).toContainText('Kitchen started');
  await expect(timeline).toContainText('by Kai Kitchen');
  await expect(timeline).toContainText('Canceled');
  await expect(timeline).toContainText('by Max Manager');
  await expect(timeline).toContainText('Out of fish tonight');
  // The refund leaves through the outbox (the server's job runs every 2 s).
  await expect(timeline).toContainText('Refund: sent', { timeout: 15_000 });
  await expect(page.getByText('Refunded', { exact: true })).toBeVisible();
  await shot(page, 'admin-order-timeline');
  expect(await seriousViolations(page)).toEqual([]);

  // Leave the demo menu as it was for the other specs.
  const owner = await staffApi('owner@demo.test');
  const menu = await owner.menu.forEditing.query();
  const taco = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Fish Taco');
  await owner.menu.deleteItem.mutate({ id: taco?.id ?? '' });
});

test('the dashboard, screens and messages show the state of the kitchen and what left', async ({
  page,
}) => {
  const manager = await staffApi('manager@demo.test');
  // A wall screen that was paired and then went quiet.
  const { code } = await manager.device.createPairingCode.mutate({ name: 'Fry wall' });
  await api().device.pair.mutate({ code });

  await signInToAdmin(page, 'owner@demo.test');
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

  await page.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'kitchen@demo.test' })).toContainText(
    'active',
  );
  await shot(page, 'admin-staff');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a manager words the ready text and sets who is texted about stuck screens', async ({
  page,
}) => {
  await signInToAdmin(page, 'manager@demo.test');
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
    slug: saved.slug,
    currency: saved.currency,
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

test('reports, exports and a guest erased on request', async ({ page }) => {
  const guest = api();
  const menu = await guest.menu.forStore.query({ storeSlug: 'demo' });
  const salad = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Garden Salad');
  await guest.order.place.mutate({
    storeSlug: 'demo',
    items: [{ menuItemId: salad?.id ?? '', quantity: 1, modifierIds: [] }],
    customer: { name: 'Rosa Parks', phone: '+15550123456', smsConsent: true },
    fulfilment: { type: 'pickup' },
    payment: 'counter',
    idempotencyKey: crypto.randomUUID(),
  });

  await signInToAdmin(page, 'owner@demo.test');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Totals' })).toContainText('Orders');
  await expect(page.getByRole('img', { name: 'Orders chart' })).toBeVisible();
  await shot(page, 'admin-reports', true);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Export these days' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Orders CSV' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8')).toMatch(/^number,business_date,placed_at,status,/);
  await shot(page, 'admin-exports');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Privacy' }).click();
  await page.getByLabel('Phone or email').fill('+15550123456');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('region', { name: 'What we hold' })).toContainText('Rosa Parks');
  await shot(page, 'admin-privacy');
  expect(await seriousViolations(page)).toEqual([]);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Erase this guest' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased' })).toContainText(
    'Erased from 1 order and',
  );
  await expect(page.getByRole('region', { name: 'What we hold' })).toContainText('0 orders');
});
