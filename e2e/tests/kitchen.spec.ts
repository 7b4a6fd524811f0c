import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, clearBoard, Demo, staffApi } from '../support/api.ts';
import { openStation, ticket } from '../support/screens.ts';
import { shot } from '../support/look.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

let demo: Demo;
test.beforeAll(async () => {
  demo = await Demo.load();
});

/** Two wall screens side by side, as in a kitchen: the Grill station and the Expo. */
async function twoScreens(browser: Browser) {
  const grill = await (await browser.newContext()).newPage();
  const expo = await (await browser.newContext()).newPage();
  await openStation(grill, 'Grill');
  await openStation(expo, 'Expo');
  return { grill, expo };
}

const bumpOn = (page: Page, number: number, name: RegExp | string = /^(Bump|Force ready)$/) =>
  ticket(page, number).getByRole('button', { name }).click();

test('an order flows through Grill and Expo, live on both screens', async ({ browser }) => {
  const { grill, expo } = await twoScreens(browser);

  const started = Date.now();
  const order = await demo.place([
    demo.line('Classic Burger', 2, 'Medium', 'Cheese'),
    demo.line('Fries', 1, 'Regular'),
  ]);
  await expect(ticket(grill, order.number)).toBeVisible();
  await expect(ticket(expo, order.number)).toBeVisible();
  test
    .info()
    .annotations.push({ type: 'placed-to-visible-ms', description: String(Date.now() - started) });

  // The grill sees only its items; expo sees everything with each station's progress.
  await expect(ticket(grill, order.number)).toContainText('2× Classic Burger');
  await expect(ticket(grill, order.number)).not.toContainText('Fries');
  await expect(ticket(expo, order.number).getByLabel('Stations')).toContainText('Grill 0/1');

  await bumpOn(grill, order.number, 'Bump');
  await expect(ticket(grill, order.number)).toHaveCount(0);
  await expect(ticket(expo, order.number).getByLabel('Stations')).toContainText('Grill ✓');

  // Fry finishes on another screen (through the API); expo then bumps it READY.
  const fry = (await (await staffApi('kitchen@demo.test')).kitchen.config.query()).stations.find(
    (s) => s.name === 'Fry',
  );
  await (
    await staffApi('kitchen@demo.test')
  ).ticket.bump.mutate({ orderId: order.orderId, stationId: fry?.id });
  await expect(ticket(expo, order.number).getByRole('button', { name: 'Bump' })).toBeVisible();
  await bumpOn(expo, order.number, 'Bump');
  await expect(ticket(expo, order.number)).toHaveCount(0);
  const tracked = await api().tracker.get.query({ trackingToken: order.trackingToken });
  expect(tracked.status).toBe('READY');

  // READY shows on every screen: in the Recall list of both.
  for (const page of [grill, expo]) {
    await page.getByRole('button', { name: /^Recall \(/ }).click();
    await expect(page.getByRole('complementary', { name: 'Recall' })).toContainText(
      `#${order.number}`,
    );
  }
  // Expo recalls it: back on the rail with its original timer.
  await expo.getByRole('button', { name: `Recall order ${order.number}` }).click();
  await expect(ticket(expo, order.number)).toBeVisible();
  expect((await api().tracker.get.query({ trackingToken: order.trackingToken })).status).toBe(
    'PREPARING',
  );
});

test('Undo brings a bumped ticket back within five seconds', async ({ browser }) => {
  const { grill } = await twoScreens(browser);
  const order = await demo.place([demo.line('Double Smash', 1, 'Medium')]);
  await bumpOn(grill, order.number, 'Bump');
  await expect(ticket(grill, order.number)).toHaveCount(0);
  await grill.getByRole('button', { name: /^Undo/ }).click();
  await expect(ticket(grill, order.number)).toBeVisible();
  await expect(ticket(grill, order.number)).toContainText('1× Double Smash');
});

test('Rush moves a ticket to the front of every screen', async ({ browser }) => {
  const { grill, expo } = await twoScreens(browser);
  const first = await demo.place([demo.line('Classic Burger', 1, 'Well done')]);
  const second = await demo.place([demo.line('Classic Burger', 1, 'Medium rare')]);
  for (const page of [grill, expo]) await expect(ticket(page, second.number)).toBeVisible();

  await ticket(expo, second.number).getByRole('button', { name: 'Rush' }).click();
  for (const page of [grill, expo]) {
    const tickets = page.getByRole('article');
    await expect(tickets.first()).toHaveAccessibleName(`Order ${second.number}`);
    await expect(tickets.first()).toContainText('RUSH');
    await expect(ticket(page, first.number)).toBeVisible();
  }
});

test('the all-day count matches the open tickets', async ({ browser }) => {
  const { grill } = await twoScreens(browser);
  await demo.place([demo.line('Mushroom Swiss', 3, 'Medium'), demo.line('Fries', 1, 'Regular')]);
  await demo.place([demo.line('Mushroom Swiss', 2, 'Well done')]);
  const cook = await staffApi('kitchen@demo.test');
  const config = await cook.kitchen.config.query();
  const grillId = config.stations.find((s) => s.name === 'Grill')?.id;
  const { tickets } = await cook.kitchen.tickets.query({});
  const expected = tickets
    .flatMap((t) => t.items)
    .filter((i) => i.stationId === grillId && i.status === 'queued' && i.name === 'Mushroom Swiss')
    .reduce((n, i) => n + i.quantity, 0);

  await grill.keyboard.press('a');
  const panel = grill.getByRole('complementary', { name: 'All day' });
  const row = panel.getByRole('row', { name: /Mushroom Swiss/ });
  await expect(row.getByRole('cell')).toHaveText(String(expected));
  await expect(row).toContainText('MED ×3');
  await expect(row).toContainText('WELL ×2');
});

test('an 86 from the screen makes order.place refuse the item, and back', async ({ browser }) => {
  const { grill, expo } = await twoScreens(browser);
  await grill.getByRole('button', { name: '86' }).click();
  await grill.getByRole('button', { name: '86 Grilled Chicken Sandwich' }).click();
  await expect(
    grill.getByRole('button', { name: 'Restore Grilled Chicken Sandwich' }),
  ).toBeVisible();
  // Live on the other screen too.
  await expo.getByRole('button', { name: '86' }).click();
  await expect(
    expo.getByRole('button', { name: 'Restore Grilled Chicken Sandwich' }),
  ).toBeVisible();

  const refused = await demo
    .place([demo.line('Grilled Chicken Sandwich')])
    .catch((e: unknown) => e);
  expect(refused).toMatchObject({ data: { code: 'UNPROCESSABLE_CONTENT' } });

  await grill.getByRole('button', { name: 'Restore Grilled Chicken Sandwich' }).click();
  await expect(grill.getByRole('button', { name: '86 Grilled Chicken Sandwich' })).toBeVisible();
  const accepted = await demo.place([demo.line('Grilled Chicken Sandwich')]);
  expect(accepted.status).toBe('PLACED');
});

test('expo hands a ready order over; it leaves the screens and the guest sees it collected', async ({
  browser,
}) => {
  const { expo } = await twoScreens(browser);
  const order = await demo.place([demo.line('Lemonade')]);
  await bumpOn(expo, order.number);
  await bumpOn(expo, order.number);
  await expect(ticket(expo, order.number)).toHaveCount(0);
  await expo.getByRole('button', { name: /^Recall \(/ }).click();
  await expo.getByRole('button', { name: `Hand over order ${order.number}` }).click();
  await expect(expo.getByRole('button', { name: `Hand over order ${order.number}` })).toHaveCount(
    0,
  );
  expect((await api().tracker.get.query({ trackingToken: order.trackingToken })).status).toBe(
    'COMPLETED',
  );
});

test('at a station a tap marks one item done, and a second tap within the undo time brings it back', async ({
  page,
}) => {
  const demo = await Demo.load();
  const cook = await staffApi('kitchen@demo.test');
  const order = await demo.place([
    demo.line('Classic Burger', 1, 'Medium'),
    demo.line('Double Smash', 1, 'Medium'),
  ]);
  await openStation(page, 'Grill');
  const card = ticket(page, order.number);
  await card.getByRole('button', { name: /Double Smash.*Mark done$/ }).click();
  await expect(card.getByRole('button', { name: /Double Smash.*Bring back$/ })).toBeVisible();
  await expect(card).toContainText('Double Smash (done)');
  await shot(page, 'kitchen-station-item-done');
  const itemsOf = async () =>
    (await cook.kitchen.tickets.query({})).tickets
      .find((t) => t.orderId === order.orderId)
      ?.items.map((i) => [i.name, i.status]);
  expect(await itemsOf()).toEqual([
    ['Classic Burger', 'queued'],
    ['Double Smash', 'done'],
  ]);

  await card.getByRole('button', { name: /Double Smash.*Bring back$/ }).click();
  await expect(card.getByRole('button', { name: /Double Smash.*Mark done$/ })).toBeVisible();
  expect(await itemsOf()).toEqual([
    ['Classic Burger', 'queued'],
    ['Double Smash', 'queued'],
  ]);
});
