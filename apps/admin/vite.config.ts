import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the KDS server at /admin/; `pnpm dev` proxies the API to a server on :3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: {
      '/trpc': { target: 'http://localhost:3000', ws: true },
      '/exports': 'http://localhost:3000',
      '/qr': 'http://localhost:3000',
    },
  },
  test: { include: ['src/**/*.test.ts'] },
});
