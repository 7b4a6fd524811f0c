import { expect, test } from '../support/test.ts';
import { startFakePrinter, type FakePrinter } from '@kds/server/testing/fake-printer';
import { clearBoard, Demo, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { openStation } from '../support/screens.ts';

let printer: FakePrinter;
test.beforeAll(async () => {
  printer = await startFakePrinter();
});
test.afterAll(async () => {
  const manager = await staffApi('manager@demo.test');
  const { printers } = await manager.printing.printers.query();
  for (const p of printers) await manager.printing.removePrinter.mutate({ printerId: p.id });
  await printer.close();
});
test.beforeEach(() => clearBoard());

test('a manager sets up a printer; the expo prints every ticket and reprints one from its screen', async ({
  page,
  browser,
}) => {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill('manager@demo.test');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Printers' });
  await card.getByLabel('Name').fill('Pass');
  await card.getByLabel('Address on the network').fill('127.0.0.1');
  await card.getByLabel('Port').fill(String(printer.port));
  await card.getByLabel('Prints receipts').check();
  await card.getByRole('button', { name: 'Add printer' }).click();
  await card.getByLabel('Printer for Expo').selectOption({ label: 'Pass' });
  await expect(card.getByLabel('When Expo prints')).toHaveValue('always');
  await card.getByLabel('When Expo prints').selectOption({ label: 'Every ticket' });
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'admin-settings-printers');
  expect(await seriousViolations(page)).toEqual([]);

  const demo = await Demo.load();
  const order = await demo.place([demo.line('Classic Burger', 1, 'Medium', 'Cheese')], {
    customer: { name: 'Grace' },
    notes: 'no onions please',
  });
  await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(1);
  const [chit] = printer.jobs.splice(0);
  expect(chit?.lines[0]).toMatch(new RegExp(`^#${order.number}\\s+PICKUP$`));
  expect(chit?.lines).toContain('1 x Classic Burger');
  expect(chit?.cuts).toBe(1);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const expo = await context.newPage();
  await openStation(expo, 'Expo');
  await expo.getByRole('button', { name: 'Print', exact: true }).click();
  await expo.getByRole('button', { name: `Reprint order ${order.number}` }).click();
  await expect(expo.getByRole('status').filter({ hasText: 'Chit sent to Pass' })).toBeVisible();
  await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(1);
  expect(printer.jobs.splice(0)[0]?.lines).toContain('REPRINT');
  await shot(expo, 'kitchen-print');
  expect(await seriousViolations(expo)).toEqual([]);
  await context.close();

  // The order page says when it printed and shows the paper as the printer gets it.
  await page.goto(`/admin/orders/${order.orderId}`);
  const paper = page.getByRole('region', { name: 'Paper' });
  await expect(paper.getByText(/^Last printed /)).toBeVisible();
  await expect(paper.getByRole('img', { name: 'The kitchen chit as it prints' })).toBeVisible();
  await paper.getByRole('img').screenshot({ path: '../docs/screenshots/print-chit.png' });
  await paper.getByLabel('Receipt').check();
  await expect(paper.getByRole('img', { name: 'The receipt as it prints' })).toBeVisible();
  await paper.getByRole('img').screenshot({ path: '../docs/screenshots/print-receipt.png' });
  await paper.getByRole('button', { name: 'Print receipt' }).click();
  await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(1);
  expect(printer.jobs.splice(0)[0]?.lines.some((l) => /^TOTAL\s+\$/.test(l))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
});
