import { expect, test } from '../support/test.ts';
import { clearBoard } from '../support/api.ts';
import { seriousViolations, shot } from '../support/look.ts';
import { openStation, ticket, signInToAdmin } from '../support/screens.ts';

// Every test starts from an empty board: specs share one server.
test.beforeEach(() => clearBoard());

test('a manager makes an API key, a POS places an order with it over REST, and a revoked key is refused', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const kitchenContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const kitchen = await kitchenContext.newPage();
  await openStation(kitchen, 'Expo');

  await signInToAdmin(page, 'manager@demo.test');
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await page.getByLabel('Who uses it').fill('Till 2');
  await page.getByRole('checkbox', { name: /Place orders/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
  const key = (await shown.locator('code').textContent()) ?? '';
  expect(key).toMatch(/^kds_k_/);
  await shot(page, 'admin-integrations-key-shown');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(shown).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: 'Till 2' });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).not.toContainText(key);

  // The POS: any HTTP client with the key. Here Playwright's own, without the browser's session.
  const api = await playwright.request.newContext({ baseURL });
  const headers = { authorization: `Bearer ${key}` };
  const menu = await (await api.get('/api/v1/menu', { headers })).json();
  const lemonade = menu.categories
    .flatMap((c: { items: { id: string; name: string }[] }) => c.items)
    .find((i: { name: string }) => i.name === 'Lemonade');
  const placed = await api.post('/api/v1/orders', {
    headers,
    data: {
      idempotencyKey: `till2-e2e-${Date.now()}`,
      payment: 'counter',
      items: [{ menuItemId: lemonade.id, quantity: 3 }],
      fulfilment: { type: 'pickup' },
      customer: { name: 'Till guest' },
    },
  });
  expect(placed.status()).toBe(200);
  const { order } = await placed.json();
  expect(order.source).toBe('api');
  await expect(ticket(kitchen, order.number)).toHaveCount(1);
  await expect(ticket(kitchen, order.number)).toContainText('Lemonade');

  await page.reload();
  await expect(row).not.toContainText('Never');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  await shot(page, 'admin-integrations-revoked');
  expect((await api.get('/api/v1/menu', { headers })).status()).toBe(401);
  await api.dispose();
  await kitchenContext.close();
});

test('the API reference is served from the server itself, generated from the OpenAPI document', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/api/docs/');
  await expect(page.getByText('KDS integration API').first()).toBeVisible();
  await expect(page.getByText('/orders/{orderId}').first()).toBeVisible();
  await shot(page, 'api-docs');
});
