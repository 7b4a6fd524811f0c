import { expect, test } from '../support/test.ts';
import { clearBoard, Demo, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { openStation, ticket, signInToAdmin } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('a phone order keyed in by the manager reaches the kitchen once, when the guest pays through the link', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const kitchenContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const kitchen = await kitchenContext.newPage();
  await openStation(kitchen, 'Expo');

  await signInToAdmin(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByRole('button', { name: /^Classic Burger/ }).click();
  const sheet = page.getByRole('dialog');
  await sheet.getByRole('radio', { name: 'Medium', exact: true }).check();
  await sheet.getByRole('button', { name: /^Add to order/ }).click();
  await page.getByRole('button', { name: /^Lemonade/ }).click();
  await page.getByRole('button', { name: 'One more Lemonade' }).click();
  const lines = page.getByRole('list', { name: 'Order lines' });
  await expect(lines.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^Paid at the counter · \$/ })).toBeVisible();
  await page.getByLabel("Guest's name").fill('Phone guest');
  await page.getByLabel('Email', { exact: true }).fill('phone.guest@example.test');
  await page.getByRole('checkbox', { name: 'Text it' }).uncheck();
  await page.getByRole('checkbox', { name: 'Email it' }).check();
  await page.getByLabel('Other allergies (comma-separated)').fill('Peanuts');
  await shot(page, 'admin-new-order');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Send payment link' }).click();

  const placed = page.getByRole('status').filter({ hasText: /Order #\d+ placed/ });
  await expect(placed).toContainText('The payment link is being emailed to them.');
  const number = Number((await placed.getByRole('heading').textContent())?.replace(/\D/g, ''));
  const link = await placed.getByRole('link').getAttribute('href');
  expect(link).toMatch(/\/track\/[A-Za-z0-9_-]{22}$/);
  await shot(page, 'admin-new-order-link-sent');

  // Unpaid: nothing on the kitchen screen.
  await expect(ticket(kitchen, number)).toHaveCount(0);

  // The guest opens the link on their phone: the order, when to pay by, when it will be ready.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(new URL(link ?? '').pathname);
  await expect(phone.getByRole('status').filter({ hasText: 'Waiting for payment' })).toBeVisible();
  await expect(phone.getByText(/Ready about \d+ min after you pay/)).toBeVisible();
  await expect(phone.getByText(/Pay by .*\d:\d\d\W[AP]M\./)).toBeVisible();
  await shot(phone, 'customer-payment-link');
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Pay now' }).click();
  await phone.getByRole('button', { name: 'Pay' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();

  // Paid: on the kitchen screen once, with the allergy the manager was told about.
  await expect(ticket(kitchen, number)).toHaveCount(1);
  await expect(ticket(kitchen, number)).toContainText(/ALLERGY: Peanuts/i);
  await phoneContext.close();
  await kitchenContext.close();
});

test('the expo keys in a walk-in paid at the counter: it lands on the screen at once', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openStation(page, 'Expo', 'manager@demo.test');
  await page.getByRole('button', { name: 'New order', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'New order' });
  await panel.getByRole('button', { name: /^Lemonade/ }).click();
  await panel.getByRole('button', { name: /^Garden Salad/ }).click();
  const sheet = panel.getByRole('dialog');
  if (await sheet.isVisible()) await sheet.getByRole('button', { name: /^Add to order/ }).click();
  await panel.getByLabel("Guest's name").fill('Walk-in');
  await expect(panel.getByRole('button', { name: /^Paid at the counter · \$/ })).toBeEnabled();
  await shot(page, 'kitchen-new-order');
  expect(await seriousViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: /^Paid at the counter/ }).click();
  const placed = panel.getByRole('status').filter({ hasText: /Order #\d+ placed/ });
  await expect(placed).toContainText('on the kitchen screens now');
  const number = Number((await placed.getByRole('heading').textContent())?.replace(/\D/g, ''));
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(ticket(page, number)).toHaveCount(1);
  await expect(ticket(page, number)).toContainText('Walk-in');
});

test('a delivery from dispatch to the door: the expo sends it out with a driver, the guest and the board see it on the way, the expo marks it delivered', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const demo = await Demo.load();
  const order = await demo.place([demo.line('Onion Rings')], {
    fulfilment: { type: 'delivery', address: '350 5th Ave', postcode: '10001' },
    customer: { name: 'Dee' },
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStation(page, 'Expo', 'manager@demo.test');
  await ticket(page, order.number)
    .getByRole('button', { name: /^(Bump|Force ready)$/ })
    .click();
  if (await page.getByRole('button', { name: 'Force ready' }).isVisible()) {
    await ticket(page, order.number).getByRole('button', { name: 'Force ready' }).click();
  }
  await page.getByRole('button', { name: /^Recall/ }).click();
  const panel = page.getByRole('complementary', { name: 'Recall' });
  await panel.getByLabel(`Driver for order ${order.number}`).fill('Sam');
  await panel.getByLabel(`Driver's phone for order ${order.number}`).fill('+15559990000');
  await panel.getByRole('button', { name: `Send out order ${order.number}` }).click();
  const road = panel.getByRole('region', { name: 'On the road' });
  await expect(road).toContainText(`#${order.number} Dee · with Sam`);
  await expect(ticket(page, order.number)).toHaveCount(0);
  await shot(page, 'kitchen-on-the-road');
  expect(await seriousViolations(page)).toEqual([]);

  const guestContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const guest = await guestContext.newPage();
  await guest.goto(`/track/${order.trackingToken}`);
  await expect(guest.getByRole('status').filter({ hasText: 'On its way' })).toBeVisible();
  await expect(guest.getByText('Sam is bringing your order')).toBeVisible();
  await shot(guest, 'customer-on-its-way');
  const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = await boardContext.newPage();
  await board.goto('/board/demo');
  const onTheWay = board.getByRole('region', { name: 'On the way' });
  await expect(onTheWay).toContainText(String(order.number));
  await shot(board, 'board-on-the-way');

  await road.getByRole('button', { name: `Delivered order ${order.number}` }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Enjoy your meal' })).toBeVisible();
  await expect(guest.getByRole('listitem').filter({ hasText: 'Delivered' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(onTheWay).toHaveCount(0);
  await guestContext.close();
  await boardContext.close();
});

test('a manager creates a discount code; a guest is told why a code does not apply, then gets the discount', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInToAdmin(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Discounts' }).click();
  await page.getByLabel('Code guests type').fill(code);
  await page.getByLabel('How much off (%)').fill('20');
  await page.getByLabel('Minimum order (optional)').fill('10');
  await page.getByLabel('Uses per guest (optional)').fill('1');
  await page.getByRole('button', { name: 'Create code' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Code ${code} created` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('orders of $10.00+ · 1 per guest');
  await expect(row).toContainText('active');
  await shot(page, 'admin-discounts');
  expect(await seriousViolations(page)).toEqual([]);

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto('/order/demo');
  await phone.getByRole('button', { name: 'Add Lemonade to cart' }).click();
  await phone
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await phone.getByRole('button', { name: /View cart/ }).click();
  await phone.getByLabel('Discount code').fill(code.toLowerCase());
  await phone.getByRole('button', { name: 'Apply' }).click();
  await expect(
    phone.getByRole('alert').filter({ hasText: 'this code needs an order of $10.00 or more' }),
  ).toBeVisible();

  await phone.getByRole('button', { name: 'One more Lemonade' }).click();
  await phone.getByRole('button', { name: 'One more Lemonade' }).click();
  await expect(phone.getByText('Discount', { exact: true })).toBeVisible();
  await expect(phone.getByText('−$2.40')).toBeVisible();
  await phone.getByLabel('Name').fill('Grace');
  await phone.getByLabel(/^Mobile/).fill('+15557770001');
  await shot(phone, 'customer-checkout-discount');
  await phone.getByRole('button', { name: /Place order · \$/ }).click();
  await expect(
    phone.getByRole('status').filter({ hasText: /Order received|Waiting for payment/ }),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText('$2.40');
  await page.getByRole('button', { name: `Pause ${code}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText('paused');
  await phoneContext.close();
});

test('a live price change: an open menu shows the new price, and the cart line is marked before the guest pays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const manager = await staffApi('manager@demo.test');
  const editing = await manager.menu.forEditing.query();
  const lemonade = editing.categories.flatMap((c) => c.items).find((i) => i.name === 'Lemonade');
  if (!lemonade) throw new Error('no lemonade');
  const save = (priceCents: number) =>
    manager.menu.saveItem.mutate({
      id: lemonade.id,
      categoryId: lemonade.categoryId,
      stationId: lemonade.stationId,
      name: lemonade.name,
      description: lemonade.description,
      priceCents,
      costCents: lemonade.costCents,
      prepSeconds: lemonade.prepSeconds,
      allergens: lemonade.allergens,
      sortOrder: lemonade.sortOrder,
      isAvailable: true,
      modifierGroups: [],
    });
  try {
    await page.goto('/order/demo');
    await page.getByRole('button', { name: 'Add Lemonade to cart' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Add to cart/ })
      .click();
    await save(lemonade.priceCents + 75);
    // No reload: the open menu hears of the edit and reads the menu again.
    const card = page.getByRole('listitem').filter({ hasText: 'Lemonade' });
    await expect(card).toContainText('$4.75');
    await page.getByRole('button', { name: /View cart/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Price changed' })).toContainText(
      'now $4.75 each (was $4.00)',
    );
    await expect(page.getByRole('button', { name: /Place order · \$/ })).toContainText('$5.14');
    await shot(page, 'customer-checkout-price-changed');
  } finally {
    await save(lemonade.priceCents);
  }
});

test('a manager asks for the report by email every morning, and can stop it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInToAdmin(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Reports' }).click();
  const card = page.getByRole('region', { name: 'Report by email' });
  await card.getByLabel('At').fill('07:30');
  await card.getByRole('button', { name: 'Email me this report' }).click();
  await expect(card.getByRole('listitem')).toContainText('Every day at 07:30');
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'admin-report-emails');
  expect(await seriousViolations(page)).toEqual([]);
  await card.getByRole('button', { name: 'Stop the daily email' }).click();
  await expect(card.getByRole('listitem')).toHaveCount(0);
});
