import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Playwright's `test`, closing every browser context a test opened itself (`browser.newContext`,
 * `browser.newPage`) once it ends. Playwright closes only the contexts of its own fixtures: a
 * kitchen screen left open keeps its socket, re-renders its timers every second and takes every
 * later order, so each spec would run slower than the one before it.
 */
export const test = base.extend<{ closeOwnContexts: undefined }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use(undefined);
      const opened = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(opened.map((context) => context.close()));
    },
    { auto: true },
  ],
});
