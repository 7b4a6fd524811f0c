import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.ts';

export const PORT = Number(process.env.E2E_PORT ?? 3199);
const POSTCODES_PORT = PORT - 1;
const dataDir = `${process.env.TMPDIR ?? '/tmp'}/kds-e2e-${PORT}`;

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
      ...chromiumLaunchOptions,
      // As on a real wall screen: audio stays blocked until someone touches the page.
      args: [...chromiumLaunchOptions.args, '--autoplay-policy=user-gesture-required'],
    },
  },
  webServer: [
    {
      command: 'node support/fake-postcodes.mjs',
      url: `http://127.0.0.1:${POSTCODES_PORT}/health`,
      env: { PORT: String(POSTCODES_PORT) },
      reuseExistingServer: false,
    },
    {
      // A fresh embedded database per run; the apps are built by `pnpm test:e2e`.
      command: `rm -rf ${dataDir} && pnpm --filter @kds/server start`,
      cwd: '..',
      url: `http://localhost:${PORT}/readyz`,
      env: {
        NODE_ENV: 'development',
        PORT: String(PORT),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // The specs place many orders from this one address in a few minutes.
        ORDERS_PER_MINUTE_PER_ADDRESS: '10000',
        POSTCODE_API_URL: `http://127.0.0.1:${POSTCODES_PORT}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
