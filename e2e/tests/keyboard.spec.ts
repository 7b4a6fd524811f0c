import { expect, test } from '../support/test.ts';
import { api, clearBoard, Demo } from '../support/api.ts';
import { openStation, ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('select, bump, recall and undo with the keyboard alone', async ({ page }) => {
  const demo = await Demo.load();
  await openStation(page, 'Expo');
  const a = await demo.place([demo.line('Lemonade')]);
  const b = await demo.place([demo.line('Garden Salad')]);
  await expect(ticket(page, b.number)).toBeVisible();
  const position = async (n: number) =>
    Number(await ticket(page, n).locator('.ticket__pos').textContent());

  // Select b by its position number, bump it (expo: a second press forces it ready).
  await page.keyboard.press(String(await position(b.number)));
  await expect(ticket(page, b.number)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Bump again' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(ticket(page, b.number)).toHaveCount(0);
  expect((await api().tracker.get.query({ trackingToken: b.trackingToken })).status).toBe('READY');

  // Undo puts it back.
  await page.keyboard.press('u');
  await expect(ticket(page, b.number)).toBeVisible();

  // Bump a with the arrow keys and Enter, then recall the last bumped with R.
  await page.keyboard.press(String(await position(a.number)));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(ticket(page, a.number)).toHaveCount(0);
  await page.keyboard.press('r');
  await expect(ticket(page, a.number)).toBeVisible();

  // The key map is one key away, and closes with Escape.
  await page.keyboard.press('?');
  await expect(page.getByRole('complementary', { name: 'Keys and settings' })).toContainText(
    'Undo last bump',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary')).toHaveCount(0);
});
