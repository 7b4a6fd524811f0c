import { expect, test } from '../support/test.ts';
import { clearBoard, Demo } from '../support/api.ts';
import { openStation, ticket } from '../support/screens.ts';
import { seriousViolations, shot } from '../support/look.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

/** A believable Friday-night rail: dine-in and pickup, modifiers, allergens, notes, a rush. */
async function dinnerRush(demo: Demo) {
  const orders = [
    await demo.place(
      [
        demo.line('Classic Burger', 2, 'Medium', 'Cheese', 'No onion'),
        demo.line('Fries', 2, 'Large', 'Cajun'),
      ],
      {
        fulfilment: { type: 'dine_in', table: '7' },
        customer: { name: 'Grace' },
        notes: 'Birthday: candle on the shake',
        allergies: ['peanuts', 'sesame'],
      },
    ),
    await demo.place(
      [demo.line('Double Smash', 1, 'Well done', 'Bacon'), demo.line('Onion Rings')],
      { customer: { name: 'Linus' } },
    ),
    await demo.place(
      [
        demo.line('Mushroom Swiss', 1, 'Medium rare'),
        demo.line('Caesar Salad', 1, 'Grilled chicken'),
      ],
      { fulfilment: { type: 'dine_in', table: '12' }, customer: { name: 'Ada' } },
    ),
    await demo.place(
      [
        { ...demo.line('Grilled Chicken Sandwich', 2), notes: 'sauce on the side' },
        demo.line('Chicken Wings', 1, 'Honey garlic'),
      ],
      { customer: { name: 'Barbara' } },
    ),
    await demo.place(
      [
        demo.line('Classic Burger', 1, 'Well done', 'No pickles', 'Avocado'),
        demo.line('Milkshake', 1, 'Strawberry'),
      ],
      { fulfilment: { type: 'dine_in', table: '3' }, customer: { name: 'Edsger' } },
    ),
    await demo.place(
      [demo.line('Double Smash', 2, 'Medium', 'Cheese'), demo.line('Fries', 1, 'Regular')],
      { customer: { name: 'Margaret' } },
    ),
  ];
  return orders;
}

test('station, expo and all-day views at 1920x1080, without serious accessibility violations', async ({
  browser,
}) => {
  const demo = await Demo.load();
  const grill = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  const expo = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await openStation(grill, 'Grill');
  await openStation(expo, 'Expo');
  const orders = await dinnerRush(demo);
  await expect(expo.getByText('Demo Diner · 6 open')).toBeVisible();

  await demo.place([demo.line('Mushroom Swiss', 1, 'Medium'), demo.line('Lemonade', 2)], {
    customer: { name: 'Alan' },
  });
  // Sixteen minutes later: dine-in tickets are late, pickups getting there.
  for (const page of [grill, expo]) await page.clock.setSystemTime(Date.now() + 16 * 60_000);
  await expo
    .getByRole('article', { name: `Order ${orders[3]?.number}` })
    .getByRole('button', { name: 'Rush' })
    .click();
  await grill
    .getByRole('article', { name: `Order ${orders[0]?.number}` })
    .getByRole('button', { name: 'Bump' })
    .click();
  await expect(grill.getByText(/Demo Diner · 6 open/)).toBeVisible();
  await expect(ticket(expo, orders[3]?.number ?? 0)).toContainText('RUSH');
  await expect(grill.getByRole('button', { name: /^Undo/ })).toBeVisible();

  await shot(grill, 'kitchen-station-grill');
  expect(await seriousViolations(grill)).toEqual([]);
  await shot(expo, 'kitchen-expo');
  expect(await seriousViolations(expo)).toEqual([]);

  await grill.getByRole('button', { name: 'All day' }).click();
  await shot(grill, 'kitchen-all-day');
  expect(await seriousViolations(grill)).toEqual([]);
  await grill.getByRole('button', { name: 'Close' }).click();
  await grill.getByRole('button', { name: '86' }).click();
  await grill.getByRole('button', { name: '86 Mushroom Swiss' }).click();
  await shot(grill, 'kitchen-86');
  expect(await seriousViolations(grill)).toEqual([]);
  await grill.getByRole('button', { name: 'Restore Mushroom Swiss' }).click();

  await expo.setViewportSize({ width: 1280, height: 800 });
  await shot(expo, 'kitchen-expo-1280x800');
  await expo.keyboard.press('?');
  await shot(expo, 'kitchen-keys');
  expect(await seriousViolations(expo)).toEqual([]);
});

test('forty open tickets at 1920x1080 and 1280x800: a long ticket continues on a second card, allergies stand out', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const demo = await Demo.load();
  const expo = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await openStation(expo, 'Expo');
  const long = await demo.place(
    [
      demo.line('Classic Burger', 2, 'Medium', 'Cheese', 'No onion'),
      demo.line('Double Smash', 1, 'Well done', 'Bacon'),
      demo.line('Mushroom Swiss', 1, 'Medium rare'),
      { ...demo.line('Grilled Chicken Sandwich', 2), notes: 'sauce on the side' },
      demo.line('Fries', 3, 'Large', 'Cajun'),
      demo.line('Onion Rings', 2),
      demo.line('Chicken Wings', 2, 'Honey garlic'),
      demo.line('Caesar Salad', 1, 'Grilled chicken'),
      demo.line('Garden Salad', 2),
      demo.line('Milkshake', 2, 'Strawberry'),
      demo.line('Lemonade', 4),
      { ...demo.line('Classic Burger', 1, 'Well done', 'No pickles'), notes: 'cut in half' },
    ],
    {
      fulfilment: { type: 'dine_in', table: '20' },
      customer: { name: 'Party of twelve' },
      allergies: ['shellfish'],
    },
  );
  await dinnerRush(demo);
  for (let i = 0; i < 33; i++) {
    await demo.place(
      [demo.line(i % 2 ? 'Fries' : 'Classic Burger', 1, i % 2 ? 'Regular' : 'Medium')],
      {
        customer: { name: `Guest ${i + 1}` },
      },
    );
  }
  await expect(expo.getByText('Demo Diner · 40 open')).toBeVisible({ timeout: 20_000 });

  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
  ] as const) {
    await expo.setViewportSize({ width, height });
    const first = ticket(expo, long.number);
    const rest = expo.getByRole('article', { name: `Order ${long.number}, continued` });
    await expect(first.getByText(/^continued 1\/\d$/)).toBeVisible();
    await expect(rest.first().getByText(/^continued 2\/\d$/)).toBeVisible();
    await expect(first.getByText('ALLERGY: SHELLFISH')).toBeVisible();
    // Nothing scrolls inside a card: every item on screen is whole (once the screen has laid
    // itself out again for its new size).
    await expect
      .poll(() =>
        expo.$$eval(
          '.ticket__items',
          (lists) => lists.filter((l) => l.scrollHeight > l.clientHeight + 1).length,
        ),
      )
      .toBe(0);
    await shot(expo, `kitchen-expo-40-tickets-${width}x${height}`);
    expect(await seriousViolations(expo)).toEqual([]);
  }
});

test('sign-in and pairing screen', async ({ page }) => {
  await page.goto('/kitchen/');
  await expect(page.getByRole('heading', { name: 'Pair this screen' })).toBeVisible();
  await shot(page, 'kitchen-sign-in');
  expect(await seriousViolations(page)).toEqual([]);
});
