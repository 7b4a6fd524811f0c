import { defineConfig } from 'vitest/config';

// The fault suite: real server processes, a real PostgreSQL that it restarts. One file, in order.
export default defineConfig({
  test: {
    include: ['faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
