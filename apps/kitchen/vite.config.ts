import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the KDS server at /kitchen/; `pnpm dev` proxies the API to a server on :3000.
export default defineConfig({
  base: '/kitchen/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: { '/trpc': { target: 'http://localhost:3000', ws: true } },
  },
  test: { include: ['src/**/*.test.{ts,tsx}'] },
});
