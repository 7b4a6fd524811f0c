import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { api, staffApi, type Api } from '../support/api.ts';
import { shot } from '../support/look.ts';
import { enableSound } from '../support/screens.ts';

type NewStore = Parameters<Api['store']['create']['mutate']>[0];

/** A store of the owner's, with one prep station, an expo and a short menu; a session in it. */
async function openStore(store: Partial<NewStore> & Pick<NewStore, 'slug' | 'name'>) {
  const owner = await staffApi('owner@demo.test');
  const mine = await owner.store.mine.query();
  const existing = mine.stores.find((s) => s.slug === store.slug);
  const { id } =
    existing ??
    (await owner.store.create.mutate({
      timezone: 'UTC',
      currency: 'USD',
      paymentMode: 'online',
      taxRateBps: 0,
      // Open all day, whatever time the suite runs.
      openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
      ...store,
    }));
  await owner.store.switch.mutate({ storeId: id });
  return { owner, storeId: id };
}

async function stock(
  owner: Api,
  category: string,
  items: { name: string; priceCents: number }[],
): Promise<{ prep: string; expo: string }> {
  const config = await owner.kitchen.config.query();
  const prep =
    config.stations.find((s) => s.kind === 'prep')?.id ??
    (await owner.menu.saveStation.mutate({ name: 'Plancha', kind: 'prep', sortOrder: 1 })).id;
  const expo =
    config.stations.find((s) => s.kind === 'expo')?.id ??
    (await owner.menu.saveStation.mutate({ name: 'Expo', kind: 'expo', sortOrder: 2 })).id;
  if (config.menuItems.length === 0) {
    const { id: categoryId } = await owner.menu.saveCategory.mutate({ name: category });
    for (const item of items) {
      await owner.menu.saveItem.mutate({
        categoryId,
        stationId: prep,
        description: '',
        costCents: 0,
        prepSeconds: 300,
        allergens: [],
        modifierGroups: [],
        ...item,
      });
    }
  }
  return { prep, expo };
}

/** A kitchen screen signed in as the owner, in the store the session is in. */
async function kitchenAt(browser: Browser, storeId: string, stationId: string): Promise<Page> {
  const { token } = await api().auth.login.mutate({ email: 'owner@demo.test', password: 'demo' });
  await api(token).store.switch.mutate({ storeId });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto(`/kitchen/?station=${stationId}`);
  await enableSound(page);
  return page;
}

/** "4:44 p.m." as Mexico writes a 12-hour clock (Intl puts a no-break space before "p. m."). */
const MEXICAN_CLOCK = /\d{1,2}:\d{2}\s[ap]\.\s?m\./;

test('a Spanish store in Mexico City: the guest orders and pays in pesos, the kitchen bumps in Spanish, the tracker tells Mexico’s time', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { owner, storeId } = await openStore({
    slug: 'taqueria-roma',
    name: 'Taquería Roma',
    timezone: 'America/Mexico_City',
    currency: 'MXN',
    locale: 'es-MX',
    staffLanguage: 'es',
    guestLanguages: ['es', 'en'],
    taxRateBps: 1600,
  });
  const { prep, expo } = await stock(owner, 'Tacos', [
    { name: 'Tacos al pastor', priceCents: 8950 },
    { name: 'Agua de jamaica', priceCents: 3500 },
  ]);

  // The guest's phone speaks Spanish (Mexico): the menu opens in Spanish, prices in pesos.
  const phoneContext = await browser.newContext({
    locale: 'es-MX',
    viewport: { width: 390, height: 844 },
  });
  const phone = await phoneContext.newPage();
  await phone.goto('/order/taqueria-roma');
  await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
  await expect(phone.getByText(/^Listo en unos \d+ min$/)).toBeVisible();
  await expect(phone.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
  await shot(phone, 'customer-menu-es');
  await phone.getByRole('button', { name: 'Añadir Tacos al pastor al carrito' }).click();
  // 89.50 pesos as Mexico writes them.
  await phone.getByRole('button', { name: 'Añadir al carrito · $89.50' }).click();
  await phone.getByRole('button', { name: 'Ver carrito (1) · Pagar' }).click();
  await phone.getByLabel('Nombre').fill('Lupita');
  // 16 % IVA on 89.50: 14.32, to the centavo.
  await expect(phone.getByRole('button', { name: 'Hacer el pedido · $103.82' })).toBeVisible();
  await shot(phone, 'customer-checkout-es');
  await phone.getByRole('button', { name: 'Hacer el pedido · $103.82' }).click();

  // The simulated checkout asks for exactly the total, in pesos, in Spanish (as Stripe's would).
  await expect(phone.locator('.amount')).toHaveText('$103.82');
  await expect(phone.getByText('Pago simulado: no hay claves de Stripe')).toBeVisible();
  await phone.getByRole('button', { name: 'Pagar' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Pedido recibido' })).toBeVisible();
  await expect(phone.getByText(/^Listo hacia las /)).toContainText(MEXICAN_CLOCK);
  const number = Number(
    (await phone.locator('.order-number').textContent())?.replace(/\D/g, '') ?? NaN,
  );

  // The kitchen reads Spanish: its buttons, its states, its clock.
  const kitchen = await kitchenAt(browser, storeId, prep);
  await expect(kitchen.locator('html')).toHaveAttribute('lang', 'es');
  await expect(kitchen.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
  const card = kitchen.getByRole('article', { name: `Pedido ${number}`, exact: true });
  await expect(card).toContainText('Tacos al pastor');
  await expect(card).toContainText('A tiempo');
  await shot(kitchen, 'kitchen-es');
  // The station's part is done ("Listo" marks its items), then the pass sends it out.
  await card.getByRole('button', { name: 'Listo', exact: true }).click();
  await expect(kitchen.getByRole('button', { name: /^Deshacer \(\d\)$/ })).toBeVisible();
  await kitchen.goto(`/kitchen/?station=${expo}`);
  await expect(kitchen.getByRole('status').filter({ hasText: 'En vivo' })).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'Plancha ✓' })).toBeVisible();
  await card.getByRole('button', { name: 'Listo', exact: true }).click();

  // Ready: the guest's page says so in Spanish, with the pickup code.
  await expect(phone.getByRole('status').filter({ hasText: '¡Listo para ti!' })).toBeVisible();
  await expect(phone.getByText('Código de recogida')).toBeVisible();
  await shot(phone, 'customer-ready-es');

  // The guest may switch to English; the choice sticks on this phone.
  await phone.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(phone.getByRole('status').filter({ hasText: 'Ready for you!' })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('status').filter({ hasText: 'Ready for you!' })).toBeVisible();

  // The console says what the server refused in Spanish too: a station that still cooks dishes
  // stays.
  const console = await browser.newPage();
  await console.goto('/admin/');
  await console.getByLabel('Email').fill('owner@demo.test');
  await console.getByLabel('Password').fill('demo');
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.locator('.shell__side select').selectOption({ label: 'Taquería Roma' });
  await expect(console.getByRole('heading', { name: 'Taquería Roma' })).toBeVisible();
  await console.goto('/admin/menu');
  await console.getByRole('button', { name: 'Quitar Plancha' }).click();
  await expect(console.getByRole('alert')).toHaveText('primero envía sus platos a otra estación');
  await shot(console, 'admin-refusal-es');

  await console.close();
  await kitchen.context().close();
  await phoneContext.close();
});

test('a yen store: whole yen at the checkout and a 24-hour clock', async ({ browser }) => {
  test.setTimeout(120_000);
  const { owner } = await openStore({
    slug: 'tokyo-ramen',
    name: 'Tokyo Ramen',
    timezone: 'Asia/Tokyo',
    currency: 'JPY',
    locale: 'ja-JP',
    taxRateBps: 1000,
  });
  await stock(owner, 'Ramen', [{ name: 'Shoyu ramen', priceCents: 1200 }]);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const guest = await context.newPage();
  await guest.goto('/order/tokyo-ramen');
  // One language offered: no switcher.
  await expect(guest.getByRole('combobox', { name: 'Language' })).toHaveCount(0);
  await expect(guest.locator('.price').first()).toHaveText('¥1,200');
  await guest.getByRole('button', { name: 'Add Shoyu ramen to cart' }).click();
  await guest.getByRole('button', { name: 'Add to cart · ¥1,200' }).click();
  await guest.getByRole('button', { name: 'View cart (1) · Checkout' }).click();
  await guest.getByLabel('Name').fill('Aiko');
  // 10 % on 1,200 yen is 120 yen: no fractions of a yen anywhere.
  await guest.getByRole('button', { name: 'Place order · ¥1,320' }).click();
  await expect(guest.locator('.amount')).toHaveText('¥1,320');
  await guest.getByRole('button', { name: 'Pay' }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Order received' })).toBeVisible();
  // Japan reads a 24-hour clock, in Tokyo's time.
  await expect(guest.getByText(/^Ready at about \d{1,2}:\d{2}$/)).toBeVisible();
  await context.close();
});
