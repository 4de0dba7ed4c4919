import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Koa server at `/`; in `vite dev` the API is proxied to a locally running server.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': process.env.API_TARGET ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
  },
});
