import { expect, test } from '../support/test.ts';
import { clearBoard, Demo, staffApi } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('the in-store board says it is live, chimes and lights a number that turns Ready, and says when a column is empty', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = await context.newPage();
  // Count the notes the board plays (headless Chromium has no speakers to listen to).
  await board.addInitScript(() => {
    const start = OscillatorNode.prototype.start;
    (window as unknown as { notes: number }).notes = 0;
    OscillatorNode.prototype.start = function (...args) {
      (window as unknown as { notes: number }).notes += 1;
      return start.apply(this, args);
    };
  });
  await board.goto('/board/demo');
  await expect(board.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect(board.getByText('No orders in the kitchen')).toBeVisible();
  await expect(board.getByText('Nothing waiting to be collected')).toBeVisible();
  const overlay = board.getByRole('button', { name: /Tap to enable sound/ });
  if (await overlay.isVisible()) await overlay.click();

  const demo = await Demo.load();
  const order = await demo.place([demo.line('Lemonade')]);
  const preparing = board.getByRole('region', { name: 'Preparing' });
  await expect(preparing.getByText(String(order.number), { exact: true })).toBeVisible();
  const cook = await staffApi('kitchen@demo.test');
  await cook.ticket.bump.mutate({ orderId: order.orderId, force: true });
  const ready = board.getByRole('region', { name: 'Ready' });
  const lit = ready.locator('li.board__new', { hasText: String(order.number) });
  await expect(lit).toBeVisible();
  await expect
    .poll(() => board.evaluate(() => (window as unknown as { notes: number }).notes))
    .toBe(3);
  await expect(board.getByText('No orders in the kitchen')).toBeVisible();
  await shot(board, 'board-ready');
  expect(await seriousViolations(board)).toEqual([]);

  // The network drops: the board says so rather than showing stale numbers as current.
  await context.setOffline(true);
  await expect(board.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await shot(board, 'board-offline');
  await context.setOffline(false);
  await expect(board.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await context.close();
});
