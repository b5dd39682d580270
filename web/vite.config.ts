import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Development only: the Duban server runs apart (`duban serve --port 8091`) and Vite forwards the
// API to it. In production the server itself serves dist/, so the browser sees one origin.
const api = { '/api': { target: process.env.DUBAN_API_URL ?? 'http://127.0.0.1:8091', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy: api },
  preview: { port: 4173, strictPort: true, proxy: api },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts; keep every asset a file, never a data: URL.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: true,
  },
});
