import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext();
const page = await context.newPage();
page.on('console', (m) => m.type() !== 'error' || console.log('console', m.text().slice(0, 200)));
const login = await fetch('http://localhost:3500/trpc/auth.login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'kitchen@demo.test', password: 'demo' }),
}).then((r) => r.json());
const token = login.result.data.token;
await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
await page.goto('http://localhost:3500/kitchen/');
await page.getByRole('button', { name: /^Grill/ }).click();
await page.waitForTimeout(3000);
console.log(
  'keys',
  await page.evaluate(() =>
    Object.keys(localStorage).map((k) => k + ':' + (localStorage.getItem(k) ?? '').length),
  ),
);
await context.setOffline(true);
await page.reload().catch((e) => console.log('reload error', e.message));
await page.waitForTimeout(3000);
console.log(
  'keys after',
  await page.evaluate(() =>
    Object.keys(localStorage).map((k) => k + ':' + (localStorage.getItem(k) ?? '').length),
  ),
);
console.log('body', (await page.locator('#root').innerHTML()).slice(0, 300));
await browser.close();
