import { expect, type Page } from '@playwright/test';
import { api } from './api.ts';

/** Opens the kitchen signed in as the demo cook (or `email`) on the named station ('Expo', 'Grill', ...). */
export async function openStation(page: Page, stationName: string, email = 'kitchen@demo.test') {
  const { token } = await api().auth.login.mutate({ email, password: 'demo' });
  const config = await api(token).kitchen.config.query();
  const station = config.stations.find((s) => s.name === stationName);
  if (!station) throw new Error(`no station ${stationName}`);
  await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
  await page.goto(`/kitchen/?station=${station.id}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await enableSound(page);
  return station;
}

export const ticket = (page: Page, number: number) =>
  page.getByRole('article', { name: `Order ${number}`, exact: true });

/**
 * Dismisses "Tap to enable sound" like a cook would. Headless Chromium may start audio by
 * itself a moment after load, so the overlay is not always there (screen-setup.spec.ts holds
 * audio suspended to make sure it is).
 */
export async function enableSound(page: Page) {
  const overlay = page.getByRole('button', { name: /Tap to enable sound/ });
  if (await overlay.isVisible()) await overlay.click({ timeout: 2_000 }).catch(() => {});
}

/**
 * Every ticket number on the rail, across all its pages, in rail order. Pages turn with the
 * keyboard's Page Up/Down, like a bump bar: a click aimed at a pager that moves as tickets
 * arrive can land on the top bar instead (and open a panel over the rail).
 */
export async function railNumbers(page: Page): Promise<number[]> {
  const pager = page.getByRole('navigation', { name: 'Pages' }).getByRole('button');
  // [can go back, can go on]; a rail that fits one page has no pager.
  const state = async () => {
    const enabled = await pager.evaluateAll((els) =>
      els.map((el) => !(el as HTMLButtonElement).disabled),
    );
    return { back: enabled[0] === true, on: enabled[1] === true };
  };
  for (let turns = 0; (await state()).back && turns < 50; turns++) {
    await page.keyboard.press('PageUp');
  }
  const numbers: number[] = [];
  for (let turns = 0; turns < 50; turns++) {
    const names = await page
      .getByRole('article')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    numbers.push(...names.map((n) => Number(n.replace('Order ', ''))));
    if (!(await state()).on) break;
    await page.keyboard.press('PageDown');
  }
  return numbers;
}

/** Signs the demo manager (or `email`, password "demo") in to the admin console. */
export async function signInToAdmin(page: Page, email = 'manager@demo.test') {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Demo Diner' })).toBeVisible();
}
