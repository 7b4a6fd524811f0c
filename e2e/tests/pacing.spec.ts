import { expect, test } from '../support/test.ts';
import { clearBoard, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { openStation } from '../support/screens.ts';

const ALL = ['pickup', 'delivery', 'dine_in'] as const;

test.beforeEach(() => clearBoard());
test.afterEach(async () => {
  const manager = await staffApi('manager@demo.test');
  await manager.pacing.update.mutate({ kind: 'resume', fulfilments: [...ALL] });
  await manager.pacing.update.mutate({ kind: 'quote', extraMinutes: 0 });
});

test('the expo pauses pickup: an open menu shows it at once, checkout refuses, and ordering resumes by itself', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await page.goto('/order/demo');
  await page.getByRole('button', { name: 'Add Lemonade to cart' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await expect(page.getByText(/Ready in about \d+ min/)).toBeVisible();

  // The expo, on a wall screen, pauses pickup orders with a reason guests will read.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const expo = await context.newPage();
  await openStation(expo, 'Expo', 'manager@demo.test');
  await expo.getByRole('button', { name: 'Pacing', exact: true }).click();
  const panel = expo.getByRole('complementary', { name: 'Pacing' });
  await panel.getByRole('checkbox', { name: 'Delivery' }).uncheck();
  await panel.getByLabel('Reason guests see').fill('The kitchen is very busy');
  await panel.getByRole('button', { name: 'Add 15 min' }).click();
  // The buttons are disabled while a change is on its way: a tap in that moment does nothing.
  await expect(panel.getByText('with 15 min added')).toBeVisible();
  await panel.getByRole('button', { name: 'Pause 30 min' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Pickup paused' })).toBeVisible();
  await expect(expo.getByRole('button', { name: 'Pacing: paused' })).toBeVisible();
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await shot(expo, 'kitchen-pacing');
  expect(await seriousViolations(expo)).toEqual([]);

  // The guest's open menu hears of it without a reload.
  const banner = page.getByRole('status').filter({ hasText: 'Pickup orders are paused' });
  await expect(banner).toContainText('The kitchen is very busy');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'customer-menu-paused');
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByLabel('Name').fill('Grace');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Pickup orders are paused' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Place order/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Order for .* instead$/ })).toBeVisible();
  await shot(page, 'customer-checkout-paused');
  expect(await seriousViolations(page)).toEqual([]);

  // The same pause, shortened to a minute: nobody resumes it; the checkout opens by itself.
  const manager = await staffApi('manager@demo.test');
  await manager.pacing.update.mutate({
    kind: 'pause',
    fulfilments: ['pickup'],
    reason: 'The kitchen is very busy',
    minutes: 1,
  });
  await expect(page.getByRole('button', { name: /Place order · \$/ })).toBeEnabled({
    timeout: 90_000,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'paused' })).toHaveCount(0);
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page).toHaveURL(/\/track\//);
  await context.close();
});

test('the manager sees pacing on the dashboard, with each station’s load', async ({ page }) => {
  const manager = await staffApi('manager@demo.test');
  await manager.pacing.update.mutate({ kind: 'throttle', enabled: true, asapPerWindow: 20 });
  try {
    await page.goto('/admin/');
    await page.getByLabel('Email').fill('manager@demo.test');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const card = page.getByRole('region', { name: 'Pacing' });
    await expect(card.getByText(/^On: up to 20 per 15 minutes/)).toBeVisible();
    await expect(card.getByRole('list', { name: 'Station load' })).toContainText('Grill');
    await card.getByRole('button', { name: 'Turn throttle off' }).click();
    await expect(card.getByText(/^Off: every ASAP order is taken/)).toBeVisible();
    await shot(page, 'admin-dashboard-pacing', true);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await manager.pacing.update.mutate({ kind: 'throttle', enabled: false, asapPerWindow: 20 });
  }
});
