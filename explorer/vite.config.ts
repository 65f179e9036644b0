import { defineConfig } from 'vite';

// Built to explorer/dist and served by the API server at /explorer/ — no CDN, works offline.
export default defineConfig({
  root: import.meta.dirname,
  base: '/explorer/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
