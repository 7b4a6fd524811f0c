import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, clearBoard, staffApi } from '../support/api.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());
test.use({ viewport: { width: 390, height: 844 } });

async function orderOnline(page: Page) {
  await page.goto('/order/demo');
  await page.getByRole('button', { name: 'Add Garden Salad to cart' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Add to cart/ })
    .click();
  await page.getByRole('button', { name: /View cart/ }).click();
  await page.getByLabel('Name').fill('Barbara');
  await page.getByLabel('Online').check();
  await page.getByRole('button', { name: /Place order · \$/ }).click();
  // The simulated checkout (no Stripe keys here) stands where Stripe's page would.
  await expect(page).toHaveURL(/\/pay\/cs_sim_/);
  await expect(page.getByRole('heading', { name: /Order #\d+/ })).toBeVisible();
  return Number(
    (await page.getByRole('heading', { name: /Order #\d+/ }).textContent())?.replace(/\D/g, ''),
  );
}

const onKitchen = async (number: number) => {
  const { tickets } = await (await staffApi('kitchen@demo.test')).kitchen.tickets.query({});
  return tickets.some((t) => t.number === number);
};

test('paying at the simulated checkout sends the order to the kitchen and the tracker moves on', async ({
  page,
}) => {
  const number = await orderOnline(page);
  expect(await onKitchen(number)).toBe(false);
  await page.screenshot({ path: '../docs/screenshots/payment-simulated-checkout.png' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{22}\?paid=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  expect(await onKitchen(number)).toBe(true);
});

test('a declined payment leaves the kitchen untouched and lets the guest try again', async ({
  page,
}) => {
  const number = await orderOnline(page);
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for payment' })).toBeVisible();
  await expect(page.getByText('Your payment was not completed')).toBeVisible();
  await page.screenshot({ path: '../docs/screenshots/customer-tracker-payment-declined.png' });
  expect(await onKitchen(number)).toBe(false);

  // The tracker goes live: it moves from "waiting for payment" to "received" without a reload.
  const tracker = page.url();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_sim_/);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  expect(await onKitchen(number)).toBe(true);
  const token = new URL(tracker).pathname.split('/').pop() ?? '';
  expect((await api().tracker.get.query({ trackingToken: token })).paymentStatus).toBe('paid');
});
