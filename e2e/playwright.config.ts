import { defineConfig } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT ?? 3199);
const dataDir = `${process.env.TMPDIR ?? '/tmp'}/kds-e2e-${PORT}`;

// Debian's Chromium (apt-get install chromium): Playwright cannot download a browser here.
export default defineConfig({
  testDir: './tests',
  timeout: 120_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // As on a real wall screen: audio stays blocked until someone touches the page.
        '--autoplay-policy=user-gesture-required',
      ],
    },
  },
  webServer: {
    // A fresh embedded database per run; the kitchen app is built by `pnpm test:e2e`.
    command: `rm -rf ${dataDir} && pnpm --filter @kds/server start`,
    cwd: '..',
    url: `http://localhost:${PORT}/readyz`,
    env: { PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
