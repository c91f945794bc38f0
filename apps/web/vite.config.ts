import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

// The SPA: served by the API from apps/web/dist in `npm start`, by Vite with a proxy to the API in `npm run dev`.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The same libs/domain code the API runs, from source (parse, checks, money) for the live preview.
    alias: { '@jxt/domain': lib('domain'), '@jxt/contracts': lib('contracts') },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
