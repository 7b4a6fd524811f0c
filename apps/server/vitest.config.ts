import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'attacks/**/*.test.ts'],
    // Several instances on one database need a real PostgreSQL: those files run in that pass only.
    exclude: onPostgres ? [] : ['src/**/*.pg.test.ts'],
    globalSetup: ['@kds/db/testing/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
