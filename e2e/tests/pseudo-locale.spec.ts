import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, clearBoard, Demo, staffApi } from '../support/api.ts';
import { shot } from '../support/look.ts';
import { enableSound } from '../support/screens.ts';

// In the pseudo-locale every catalogue message is accented and fenced in ⟦ ⟧: words outside
// the fences that are not the store's own data (dish names, people, codes) skipped the
// catalogue.
const PSEUDO = 'lang=en-XA';

test.beforeEach(() => clearBoard());

/** The store's data a screen shows as it is: never translated, so allowed outside fences. */
async function storeData(): Promise<string[]> {
  const manager = await staffApi('manager@demo.test');
  const menu = await api().menu.forStore.query({ storeSlug: 'demo' });
  const config = await manager.kitchen.config.query();
  const staff = await manager.staff.list.query();
  // What other specs left: guests' names, codes, screens (all typed by people, not KDS).
  const { orders } = await manager.order.list.query({ limit: 200 });
  const codes = await manager.discount.list.query();
  const screens = await manager.device.health.query();
  const { tickets } = await manager.kitchen.tickets.query({});
  const keys = await manager.apiKey.list.query();
  return [
    ...tickets.flatMap((t) => t.items.flatMap((i) => i.modifiers)),
    ...orders.map((o) => o.customerName),
    ...codes.flatMap((c) => [c.code, c.note]),
    ...screens.map((s) => s.name),
    ...keys.map((k) => k.name),
    '(erased)',
    menu.store.name,
    ...menu.categories.flatMap((c) => [
      c.name,
      ...c.items.flatMap((i) => [
        i.name,
        i.description,
        ...i.allergens,
        ...i.modifierGroups.flatMap((g) => [g.name, ...g.modifiers.map((m) => m.name)]),
      ]),
    ]),
    ...config.stations.map((s) => s.name),
    ...config.menuItems.map((i) => i.category),
    ...staff.flatMap((s) => [s.name, s.email]),
    'Grace',
    'English',
    'Español',
    'KDS',
  ].filter((d) => d.trim().length > 0);
}

/** Visible text and labels outside the fences that are words and not data, one per place. */
async function untranslated(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found = new Set<string>();
    // Text marked as another language (a store's own wording, a language's own name) is not
    // the screen's to translate.
    const page = document.documentElement.lang;
    const foreign = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? page) !== page;
    const check = (text: string) => {
      let rest = text;
      // Messages interpolated into messages nest their fences: strip from the inside out.
      for (let before = ''; before !== rest;) {
        before = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      for (const d of [...allowed].sort((a, b) => b.length - a.length)) {
        rest = rest.split(d).join(' ');
      }
      rest = rest
        .replace(/[\w.+-]+@[\w.-]+/g, ' ') // email addresses
        .replace(/\b\w+:\/\/\S+|\/[\w/.:?=&%-]+/g, ' ') // links and paths
        .replace(/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM)\b/g, ' ') // the store's clock
        .replace(/\b[A-Z]{2,3}\$/g, ' ') // MX$, CA$
        // Intl's dates in the fallback English of the pseudo-locale: "Dec 1", "Tue".
        .replace(
          /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g,
          ' ',
        )
        // Identifiers: ids (a UUID's groups can be letters only: "afad"), payment ids, hashes.
        .replace(/\b[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}\b/gi, ' ')
        .replace(/\b\w*[\d_]\w*\b/g, ' ');
      if (/[A-Za-z]{2,}/.test(rest)) found.add(text.trim().slice(0, 100));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [aria-hidden="true"], code, kbd')) continue;
      if (!parent.checkVisibility() || foreign(parent)) continue;
      check(node.textContent ?? '');
    }
    for (const el of Array.from(
      document.querySelectorAll('[placeholder], [aria-label], [title]'),
    )) {
      if (!(el as HTMLElement).checkVisibility() || foreign(el)) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(name);
        if (value) check(value);
      }
    }
    return [...found];
  }, data);
}

test('every guest screen reads from the catalogue', async ({ page }) => {
  const data = await storeData();
  const demo = await Demo.load();
  const seen: Record<string, string[]> = {};

  await page.goto(`/order/demo?${PSEUDO}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await page.getByRole('button', { name: /Classic Burger/ }).click();
  seen['item sheet'] = await untranslated(page, data);
  await shot(page, 'pseudo-item-sheet');
  await page.getByRole('dialog').getByRole('radio').first().check();
  await page.getByRole('dialog').getByRole('button', { name: /·/ }).click();
  seen.menu = await untranslated(page, data);
  await shot(page, 'pseudo-menu');

  await page.getByRole('button', { name: /\(1\)/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('⟦');
  seen.checkout = await untranslated(page, data);
  await shot(page, 'pseudo-checkout', true);

  const order = await demo.place([demo.line('Lemonade')]);
  await page.goto(`/track/${order.trackingToken}?${PSEUDO}`);
  await expect(page.getByRole('status').first()).toContainText('⟦');
  seen.tracker = await untranslated(page, data);
  await shot(page, 'pseudo-tracker');

  await page.goto(`/board/demo?${PSEUDO}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('⟦');
  seen.board = await untranslated(page, data);

  expect(seen).toEqual({ 'item sheet': [], menu: [], checkout: [], tracker: [], board: [] });
});

test('every kitchen screen and panel reads from the catalogue', async ({ page }) => {
  const demo = await Demo.load();
  await demo.place([demo.line('Classic Burger', 1, 'Medium'), demo.line('Fries', 1, 'Regular')]);
  const data = await storeData();
  const { token } = await api().auth.login.mutate({
    email: 'manager@demo.test',
    password: 'demo',
  });
  const config = await api(token).kitchen.config.query();
  const expo = config.stations.find((s) => s.kind === 'expo');
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto(`/kitchen/?station=${expo?.id}&${PSEUDO}`);
  await enableSound(page);
  await expect(page.getByRole('article').first()).toBeVisible();
  const seen: Record<string, string[]> = { rail: await untranslated(page, data) };
  await shot(page, 'pseudo-kitchen');
  const nav = page.getByRole('navigation').first();
  const buttons = await nav.getByRole('button').all();
  // Every panel the top bar opens, one after the other.
  for (const [i, button] of buttons.entries()) {
    if ((await button.getAttribute('aria-pressed')) === null) continue;
    await button.click();
    const panel = page.getByRole('complementary');
    await expect(panel).toBeVisible();
    seen[`panel ${i}`] = await untranslated(page, data);
    if (i === 0) await shot(page, 'pseudo-kitchen-panel');
    // The panel's own Close: a wide one (a new order) covers the top bar.
    await panel.locator('.panel__head button').click();
  }
  expect(Object.entries(seen).filter(([, words]) => words.length > 0)).toEqual([]);
});

test('every admin page reads from the catalogue', async ({ page }) => {
  test.setTimeout(180_000);
  const data = await storeData();
  const demo = await Demo.load();
  const order = await demo.place([demo.line('Lemonade')]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/admin/?${PSEUDO}`);
  const seen: Record<string, string[]> = { 'sign in': await untranslated(page, data) };
  await page.locator('input[name="email"]').fill('owner@demo.test');
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('button.btn--primary').click();
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
  const pages = [
    '/',
    '/orders',
    `/orders/${order.orderId}`,
    '/new-order',
    '/menu',
    '/discounts',
    '/reports',
    '/exports',
    '/screens',
    '/messages',
    '/staff',
    '/settings',
    '/integrations',
    '/privacy',
    '/audit',
    '/account',
  ];
  for (const path of pages) {
    await page.goto(`/admin${path}?${PSEUDO}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    seen[path] = await untranslated(page, data);
    if (path === '/settings') await shot(page, 'pseudo-admin-settings', true);
  }
  expect(Object.entries(seen).filter(([, words]) => words.length > 0)).toEqual([]);
});
