import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One app for the guest's pages: /order/<store>, /track/<token>, /board/<store>. The server
// answers those paths with index.html; assets live under /app/.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: { '/trpc': { target: 'http://localhost:3000', ws: true } },
  },
  test: { include: ['src/**/*.test.ts'] },
});
