// How smooth is a kitchen screen with 60 open tickets while events stream in?
// Starts the real server on embedded PGlite, opens the Expo view at 1920x1080 in Chromium,
// streams item bumps and new orders through the API, and reports frame intervals, long
// tasks, and placed-to-visible latency. Run: pnpm --filter @kds/bench kitchen-render
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@kds/api/client';
import { chromiumLaunchOptions } from '@kds/e2e/chromium';
import { chromium } from '@playwright/test';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const PORT = 3299;
const OPEN_TICKETS = 60;
const BUMPS = 120;
const NEW_ORDERS = 20;

const api = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `http://localhost:${PORT}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-bench-'));
  const server = spawn('pnpm', ['--filter', '@kds/server', 'start'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
    },
    stdio: 'inherit',
    detached: true,
  });
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`http://localhost:${PORT}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 120) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const menu = await api().menu.forStore.query({ storeSlug: 'demo' });
    const items = menu.categories.flatMap((c) => c.items);
    const line = (i: number) => {
      const item = items[i % items.length];
      if (!item) throw new Error('empty menu');
      const modifierIds = item.modifierGroups.flatMap((g) =>
        g.modifiers.slice(0, g.minChoices).map((m) => m.id),
      );
      return { menuItemId: item.id, quantity: 1 + (i % 3), modifierIds };
    };
    const place = (i: number) =>
      api().order.place.mutate({
        storeSlug: 'demo',
        items: [line(i), line(i + 3), line(i + 7)],
        customer: { name: `Guest ${i}` },
        fulfilment: i % 2 ? { type: 'pickup' } : { type: 'dine_in', table: String(i % 20) },
        payment: 'counter',
        idempotencyKey: randomUUID(),
      });
    for (let i = 0; i < OPEN_TICKETS; i++) await place(i);

    const { token } = await api().auth.login.mutate({
      email: 'kitchen@demo.test',
      password: 'demo',
    });
    const cook = api(token);
    const expo = (await cook.kitchen.config.query()).stations.find((s) => s.kind === 'expo');
    const browser = await chromium.launch(chromiumLaunchOptions);
    // The bench's string predicates are evaluated in the page: let them past the CSP.
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      bypassCSP: true,
    });
    await page.addInitScript((t) => localStorage.setItem('kds.kitchen.token', t), token);
    await page.goto(`http://localhost:${PORT}/kitchen/?station=${expo?.id}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    await page.evaluate(`(() => {
      window.frames_ = [];
      window.longTasks = [];
      let last = performance.now();
      const tick = (now) => { window.frames_.push(now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration)))
        .observe({ type: 'longtask', buffered: false });
    })()`);

    const started = Date.now();
    const { tickets } = await cook.kitchen.tickets.query({});
    const queued = tickets.flatMap((t) =>
      t.items
        .filter((i) => i.status === 'queued')
        .map((i) => ({ orderId: t.orderId, itemId: i.id })),
    );
    const visibleMs: number[] = [];
    let expectedOpen = OPEN_TICKETS;
    for (let i = 0; i < BUMPS; i++) {
      const target = queued[i % queued.length];
      if (target) await cook.ticket.bumpItem.mutate(target).catch(() => undefined);
      if (i % (BUMPS / NEW_ORDERS) === 0) {
        // A new order while the screen is busy: how long until the expo has it in the DOM?
        // It lands at the end of a 60-ticket rail, so it is checked in the page's cache.
        const t0 = Date.now();
        await place(1000 + i);
        expectedOpen += 1;
        await page.waitForFunction(
          `Number(/(\\d+) open/.exec(document.querySelector('.topbar__store')?.textContent ?? '')?.[1]) === ${expectedOpen}`,
          undefined,
          { polling: 'raf' },
        );
        visibleMs.push(Date.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 80));
    }
    const elapsed = Date.now() - started;
    const { frames, longTasks, heap } = (await page.evaluate(
      `({ frames: window.frames_.slice(5), longTasks: window.longTasks, heap: performance.memory?.usedJSHeapSize ?? 0 })`,
    )) as { frames: number[]; longTasks: number[]; heap: number };
    const open = await page.locator('.topbar__store').textContent();
    await browser.close();

    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `\nKitchen Expo screen, 1920x1080, ${open?.trim()}; ${BUMPS} item bumps + ${NEW_ORDERS} new orders over ${(elapsed / 1000).toFixed(1)} s`,
    );
    console.log('| metric | value |\n|---|---|');
    console.log(`| frames observed | ${frames.length} |`);
    console.log(
      `| frame interval p50 / p95 / p99 / max (ms) | ${fmt(quantile(frames, 0.5))} / ${fmt(quantile(frames, 0.95))} / ${fmt(quantile(frames, 0.99))} / ${fmt(Math.max(...frames))} |`,
    );
    console.log(`| frames over 50 ms | ${frames.filter((f) => f > 50).length} |`);
    console.log(
      `| long tasks (> 50 ms): count / total ms | ${longTasks.length} / ${fmt(longTasks.reduce((a, b) => a + b, 0))} |`,
    );
    console.log(
      `| new order placed to shown, p50 / max (ms) | ${quantile(visibleMs, 0.5)} / ${Math.max(...visibleMs)} |`,
    );
    console.log(`| JS heap after run (MiB) | ${(heap / 2 ** 20).toFixed(1)} |`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
