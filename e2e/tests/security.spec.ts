import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { Demo } from '../support/api.ts';
import { openStation } from '../support/screens.ts';

/**
 * The three apps run under the server's Content-Security-Policy as built: every screen is
 * opened in Chromium and the console must not report a single violation.
 */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('no screen breaks the Content-Security-Policy', async ({ page, browser }) => {
  const violations = watchViolations(page);
  const demo = await Demo.load();
  const placed = await demo.place([demo.line('Lemonade')]);
  const online = await demo.place([demo.line('Lemonade')], { payment: 'online' });

  for (const path of ['/order/demo', `/track/${placed.trackingToken}`, '/board/demo', '/admin/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // The simulated checkout's own page, with its one inline style allowed by hash.
  await page.goto(online.checkoutUrl?.replace(/^https?:\/\/[^/]+/, '') ?? '/');
  await expect(page.getByRole('button', { name: 'Pay' })).toBeVisible();
  const styled = await page
    .getByRole('button', { name: 'Pay' })
    .evaluate((b) => getComputedStyle(b).minHeight);
  expect(styled).toBe('56px');

  const kitchen = await browser.newPage();
  const kitchenViolations = watchViolations(kitchen);
  await openStation(kitchen, 'Expo');
  await kitchen.close();

  expect([...violations, ...kitchenViolations]).toEqual([]);
  const response = await page.request.get('/kitchen/');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});
