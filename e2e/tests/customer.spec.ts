import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, clearBoard, Demo, staffApi } from '../support/api.ts';
import { openStation, ticket as ticketOn } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: `../docs/screenshots/${name}.png`,
    animations: 'disabled',
    fullPage: false,
  });

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

async function addItem(page: Page, name: string, choices: string[]) {
  await page.getByRole('button', { name: `Add ${name} to cart` }).click();
  const sheet = page.getByRole('dialog', { name });
  for (const choice of choices) await sheet.getByLabel(choice).check();
  await sheet.getByRole('button', { name: /^Add to cart/ }).click();
  await expect(sheet).toHaveCount(0);
}

test('a guest at table 7 orders two items and watches it turn ready, with the board', async ({
  page,
  browser,
}) => {
  await page.goto('/order/demo?table=7');
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
  await expect(page.getByText('Table 7')).toBeVisible();
  await shot(page, 'customer-menu');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add Classic Burger to cart' }).click();
  await page
    .getByRole('dialog', { name: 'Classic Burger' })
    .getByLabel('Medium', { exact: true })
    .check();
  await page.getByRole('dialog', { name: 'Classic Burger' }).getByLabel('Cheese').check();
  await shot(page, 'customer-item');
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await addItem(page, 'Fries', ['Large']);

  // The cart survives a reload.
  await page.reload();
  await page.getByRole('button', { name: /View cart \(2\)/ }).click();
  await expect(page.getByRole('list', { name: 'Your order' })).toContainText('Classic Burger');
  await page.getByLabel('Name').fill('Grace');
  await expect(page.getByRole('button', { name: /Place order · \$/ })).toBeEnabled();
  await shot(page, 'customer-checkout');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{22}/);
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  const number = Number((await page.locator('.order-number').textContent())?.replace('#', ''));
  await shot(page, 'customer-tracker-received');
  expect(await seriousViolations(page)).toEqual([]);

  const board = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await board.goto('/board/demo');
  await expect(board.getByRole('region', { name: 'Preparing' })).toContainText(String(number));

  // The kitchen bumps it through the API: tracker and board turn Ready without a reload.
  const cook = await staffApi('kitchen@demo.test');
  const { tickets } = await cook.kitchen.tickets.query({});
  const ticket = tickets.find((t) => t.number === number);
  expect(ticket?.tableLabel).toBe('7');
  expect(ticket?.items.map((i) => [i.quantity, i.name, i.modifiers])).toEqual([
    [1, 'Classic Burger', ['MED', '+ cheese']],
    [1, 'Fries', ['LG']],
  ]);
  await cook.ticket.bump.mutate({ orderId: ticket?.orderId ?? '', force: true });
  await expect(page.getByRole('status').filter({ hasText: 'Ready for you!' })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Ready' })).toContainText(String(number));
  await expect(board.getByRole('region', { name: 'Preparing' })).not.toContainText(String(number));
  await expect(board.locator('body')).not.toContainText('Grace');
  await shot(page, 'customer-tracker-ready');
  await board.screenshot({ path: '../docs/screenshots/customer-board.png' });
  expect(await seriousViolations(board)).toEqual([]);
});

test('an 86 greys the item out on an open menu, and checkout refuses a cart holding it', async ({
  page,
}) => {
  const demo = await Demo.load();
  await page.goto('/order/demo');
  await addItem(page, 'Onion Rings', []);
  const cook = await staffApi('kitchen@demo.test');
  await cook.menu.setAvailability.mutate({
    menuItemId: demo.item('Onion Rings').id,
    isAvailable: false,
  });
  try {
    await expect(page.getByRole('button', { name: 'Add Onion Rings to cart' })).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: 'Onion Rings' })).toContainText(
      'Sold out',
    );

    await page.getByRole('button', { name: /View cart/ }).click();
    await expect(page.getByRole('list', { name: 'Your order' }).getByRole('alert')).toContainText(
      'Onion Rings is sold out',
    );
    await expect(page.getByRole('button', { name: /Place order/ })).toBeDisabled();
    await shot(page, 'customer-checkout-sold-out');
    const refused = await demo.place([demo.line('Onion Rings')]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ data: { code: 'UNPROCESSABLE_CONTENT' } });
  } finally {
    await cook.menu.setAvailability.mutate({
      menuItemId: demo.item('Onion Rings').id,
      isAvailable: true,
    });
  }
});

test('a wrong or guessed tracking token shows "not found" and nothing else', async ({ page }) => {
  await page.goto('/track/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await page.goto('/track/not-a-token');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  expect(
    await api()
      .tracker.get.query({ trackingToken: 'AAAAAAAAAAAAAAAAAAAAAA' })
      .catch((e: unknown) => e),
  ).toMatchObject({
    data: { code: 'NOT_FOUND' },
  });
});

test('delivery is checked against the store radius, next to the postcode', async ({ page }) => {
  await page.goto('/order/demo');
  await addItem(page, 'Garden Salad', []);
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByLabel('Delivery').check();
  await page.getByLabel('Delivery address').fill('350 5th Ave');
  await page.getByLabel('Postcode').fill('10601');
  await page.getByLabel('Name').fill('Ada');
  await expect(
    page.getByText(/we deliver within 5\.0 km; this address is 3\d\.\d km away/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Place order/ })).toBeDisabled();
  await shot(page, 'customer-checkout-delivery-refused');

  await page.getByLabel('Postcode').fill('10001');
  await page.getByLabel('Name').click();
  await expect(page.getByRole('button', { name: /Place order · \$/ })).toBeEnabled();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
});

test('a guest adds to an order the kitchen has not started, until it starts', async ({ page }) => {
  await page.goto('/order/demo');
  await addItem(page, 'Lemonade', []);
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByLabel('Name').fill('Edsger');
  await page.getByRole('button', { name: /Place order · \$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  const token = page.url().split('/track/')[1] ?? '';

  await page.getByRole('button', { name: 'Add more items' }).click();
  await expect(page.getByText(/Adding to order #\d+/)).toBeVisible();
  await addItem(page, 'Milkshake', ['Chocolate']);
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByRole('button', { name: /Add to order · \$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${token}$`));
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText('Milkshake');

  const cook = await staffApi('kitchen@demo.test');
  const tracked = await api().tracker.get.query({ trackingToken: token });
  const { tickets } = await cook.kitchen.tickets.query({});
  const ticket = tickets.find((t) => t.number === tracked.number);
  expect(ticket?.items.map((i) => i.name)).toEqual(['Lemonade', 'Milkshake']);

  // Once the kitchen starts, the offer disappears live.
  await cook.ticket.start.mutate({ orderId: ticket?.orderId ?? '' });
  await expect(page.getByRole('status').filter({ hasText: 'Being prepared' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add more items' })).toHaveCount(0);
});

test('the tracker says where the order stands in every state', async ({ page }) => {
  const demo = await Demo.load();
  const cook = await staffApi('kitchen@demo.test');
  const manager = await staffApi('manager@demo.test');
  const states: [string, string, (orderId: string) => Promise<unknown>][] = [
    ['preparing', 'Being prepared', (orderId) => cook.ticket.start.mutate({ orderId })],
    [
      'canceled',
      'This order was canceled',
      (orderId) => manager.order.cancel.mutate({ orderId, reason: 'out of buns' }),
    ],
  ];
  for (const [name, headline, move] of states) {
    const order = await demo.place([
      demo.line('Classic Burger', 1, 'Medium'),
      demo.line('Lemonade'),
    ]);
    await page.goto(`/track/${order.trackingToken}`);
    await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
    await move(order.orderId);
    await expect(page.getByRole('status').filter({ hasText: headline })).toBeVisible();
    await shot(page, `customer-tracker-${name}`);
    expect(await seriousViolations(page)).toEqual([]);
  }
  const ready = await demo.place([
    demo.line('Double Smash', 1, 'Medium'),
    demo.line('Fries', 1, 'Regular'),
  ]);
  await page.goto(`/track/${ready.trackingToken}`);
  await cook.ticket.bump.mutate({ orderId: ready.orderId, force: true });
  await expect(page.getByText(/Pickup code\s*\d{6}/)).toBeVisible();
  await shot(page, 'customer-tracker-ready-pickup-code');
  expect(await seriousViolations(page)).toEqual([]);
  const online = await demo.place([demo.line('Lemonade')], { payment: 'online' });
  await page.goto(`/track/${online.trackingToken}`);
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for payment' })).toBeVisible();
  await shot(page, 'customer-tracker-waiting-for-payment');
});

test('a counter kiosk resets itself after inactivity', async ({ page }) => {
  await page.clock.install();
  await page.goto('/order/demo?kiosk=1&store=demo');
  await addItem(page, 'Lemonade', []);
  await expect(page.getByRole('button', { name: /View cart \(1\)/ })).toBeVisible();
  await page.clock.fastForward(91_000);
  await expect(page.getByRole('button', { name: /View cart/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
});

test('allergies a guest declares at checkout reach the kitchen as a red ALLERGY band', async ({
  page,
  browser,
}) => {
  await page.goto('/order/demo');
  await addItem(page, 'Onion Rings', []);
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByLabel('Name').fill('Grace');
  const allergies = page.getByRole('group', { name: 'Allergies' });
  await allergies.getByLabel('milk').check();
  await allergies.getByLabel('Other allergies (comma-separated)').fill('peanuts, sesame');
  await shot(page, 'customer-checkout-allergies');
  await page.getByRole('button', { name: /Place order · \$/ }).click();
  await expect(page).toHaveURL(/\/track\//);
  const number = Number((await page.locator('.order-number').textContent())?.replace('#', ''));

  const expo = await (await browser.newContext()).newPage();
  await openStation(expo, 'Expo');
  await expect(ticketOn(expo, number).locator('.ticket__allergy')).toHaveText(
    'ALLERGY: MILK, PEANUTS, SESAME',
  );
});
