import { expect, test } from '../support/test.ts';
import { clearBoard, Demo, staffApi } from '../support/api.ts';
import { shot } from '../support/look.ts';
import { openStation, railNumbers, ticket } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

const OFFLINE_MS = 60_000;

test('a screen offline for 60 s comes back with exactly the right tickets, without a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const demo = await Demo.load();
  const cook = await staffApi('kitchen@demo.test');
  const manager = await staffApi('manager@demo.test');
  await openStation(page, 'Expo');
  const before = await railNumbers(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await context.setOffline(true);
  const wentOffline = Date.now();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();

  // Meanwhile the kitchen keeps working: 30 orders, some bumped ready, two canceled, one rushed.
  const placed = [];
  for (let i = 0; i < 30; i++) {
    placed.push(
      await demo.place([demo.line('Classic Burger', 1 + (i % 3), 'Medium'), demo.line('Lemonade')]),
    );
  }
  for (const order of placed.filter((_, i) => i % 4 === 0)) {
    await cook.ticket.bump.mutate({ orderId: order.orderId, force: true });
  }
  await manager.order.cancel.mutate({ orderId: placed[1]?.orderId ?? '', reason: 'left' });
  await manager.order.cancel.mutate({ orderId: placed[2]?.orderId ?? '', reason: 'left' });
  await cook.ticket.prioritize.mutate({ orderId: placed[29]?.orderId ?? '' });

  // Nothing reached the screen while it was offline: what follows is a real resume.
  expect(await railNumbers(page)).toEqual(before);

  // Past ten seconds without a live link the screen says so, loudly.
  await expect(page.getByRole('alert').filter({ hasText: 'NOT LIVE' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  // The scenario is a minute-long outage: hold the link down for the rest of it.
  await page.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - wentOffline)));
  // It says for how long (a minute or more; how much more depends on the machine's speed).
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toContainText(
    /for [1-9]:\d\d/,
  );

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'NOT LIVE' })).toHaveCount(0);

  const { tickets } = await cook.kitchen.tickets.query({});
  const expected = tickets
    .filter((t) => t.status !== 'READY')
    .sort((a, b) => b.priority - a.priority || (a.placedAt ?? '').localeCompare(b.placedAt ?? ''))
    .map((t) => t.number);
  expect(expected[0]).toBe(placed[29]?.number);
  await expect.poll(() => railNumbers(page)).toEqual(expected);
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
});

test('bumps pressed offline wait on the screen, survive a reload without network, and reach the server exactly once', async ({
  page,
  context,
}) => {
  const demo = await Demo.load();
  const cook = await staffApi('kitchen@demo.test');
  const placed = [];
  for (let i = 0; i < 3; i++)
    placed.push(await demo.place([demo.line('Classic Burger', 1, 'Medium')]));
  await openStation(page, 'Grill');
  // The screen keeps its app on the device (a service worker) before the network goes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  for (const order of placed) await expect(ticket(page, order.number)).toBeVisible();
  const versions = new Map(
    (await cook.kitchen.tickets.query({})).tickets.map((t) => [t.orderId, t.version]),
  );

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  for (const order of placed) {
    await ticket(page, order.number).getByRole('button', { name: 'Bump' }).click();
    await expect(ticket(page, order.number)).toContainText('No connection: sent when');
  }

  // A reload with no network: the screen opens from the device, tickets and pending bumps too.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  for (const order of placed) {
    await expect(ticket(page, order.number)).toContainText('No connection: sent when');
  }
  await shot(page, 'kitchen-offline-pending');
  const onServer = await cook.kitchen.tickets.query({});
  expect(onServer.tickets.filter((t) => versions.has(t.orderId)).map((t) => t.version)).toEqual(
    placed.map((o) => versions.get(o.orderId)),
  );

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({
    timeout: 20_000,
  });
  for (const order of placed) await expect(ticket(page, order.number)).toHaveCount(0);
  // Each bump applied once: the grill's items done, and one "item done" in each order's log.
  const after = await cook.kitchen.tickets.query({});
  const manager = await staffApi('manager@demo.test');
  for (const order of placed) {
    const t = after.tickets.find((x) => x.orderId === order.orderId);
    expect(t?.items.every((i) => i.status === 'done')).toBe(true);
    const { timeline } = await manager.order.detail.query({ orderId: order.orderId });
    const bumps = timeline.filter(
      (e) => (e.detail as { type?: string }).type === 'ticket.item_bumped',
    );
    expect(bumps).toHaveLength(1);
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Not sent' })).toHaveCount(0);
});

test('a bump pressed offline on a ticket someone else moved meanwhile is not applied, and the screen says so', async ({
  page,
  context,
}) => {
  const demo = await Demo.load();
  const order = await demo.place([demo.line('Classic Burger', 1, 'Medium')]);
  await openStation(page, 'Grill');
  await expect(ticket(page, order.number)).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await ticket(page, order.number).getByRole('button', { name: 'Bump' }).click();
  await expect(ticket(page, order.number)).toContainText('No connection: sent when');
  // Meanwhile the order is canceled from the admin console.
  const manager = await staffApi('manager@demo.test');
  await manager.order.cancel.mutate({ orderId: order.orderId, reason: 'guest left' });

  await context.setOffline(false);
  await expect(
    page.getByRole('alert').filter({ hasText: `Your bump of #${order.number} was not sent` }),
  ).toBeVisible({ timeout: 20_000 });
  const { timeline } = await manager.order.detail.query({ orderId: order.orderId });
  expect(timeline.some((e) => (e.detail as { type?: string }).type === 'ticket.item_bumped')).toBe(
    false,
  );
});
