import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

// The SPA: served by the API from apps/web/dist in `npm start`, by Vite with a proxy to the API in `npm run dev`.
export default defineConfig({
  plugins: [react()],
  // Vite puts this placeholder on the tags it writes into index.html and into <meta property="csp-nonce">; the API
  // replaces it per request with the nonce of that answer's Content-Security-Policy (apps/api/src/common/http/
  // security-headers.ts, same string). antd's runtime <style> tags get the nonce from the meta (app/csp.ts).
  html: { cspNonce: '__JXT_CSP_NONCE__' },
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
