import { devices } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { clearBoard, Demo, staffApi } from '../support/api.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());
// A guest's phone: Chromium as on Android (touch, mobile viewport and user agent).
const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
test.use(pixel);

test('a guest who allowed notifications gets "ready" from the service worker, as Android requires', async ({
  browser,
}) => {
  const phone = await browser.newContext({ ...pixel });
  await phone.grantPermissions(['notifications']);
  const page = await phone.newPage();
  // Android's rule, enforced here too: no notification without a service worker.
  await page.addInitScript(() => {
    const Native = window.Notification;
    window.Notification = new Proxy(Native, {
      construct() {
        throw new TypeError("Failed to construct 'Notification': Illegal constructor.");
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const demo = await Demo.load();
  const order = await demo.place([demo.line('Lemonade')]);
  await page.goto(`/track/${order.trackingToken}`);
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  // Allowed already: nothing to ask.
  await expect(page.getByRole('button', { name: 'Notify me when it is ready' })).toHaveCount(0);

  const cook = await staffApi('kitchen@demo.test');
  await cook.ticket.bump.mutate({ orderId: order.orderId, force: true });
  await expect(page.getByRole('status').filter({ hasText: 'Ready' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration('/app/');
        const shown = (await registration?.getNotifications()) ?? [];
        return shown.map((n) => `${n.title}: ${n.body}`);
      }),
    )
    .toEqual([`Order #${order.number} is ready: Come and get it!`]);
  expect(errors).toEqual([]);
  await phone.close();
});

test('where notifications are not offered, the page says what it does instead', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // @ts-expect-error: a browser without the Notification API (iOS Safari outside an app).
    delete window.Notification;
  });
  const demo = await Demo.load();
  const order = await demo.place([demo.line('Lemonade')]);
  await page.goto(`/track/${order.trackingToken}`);
  await expect(
    page.getByText('Keep this page open: it chimes and vibrates when your order is ready.'),
  ).toBeVisible();
});
