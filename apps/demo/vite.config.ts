import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser calls the demo backend at /api (proxied, same origin) and the Immutable API
// (the emulator) directly, at the URL the backend gives in /api/config.
const backend = process.env.DEMO_BACKEND_URL ?? 'http://127.0.0.1:8788';
const proxy = { '/api': { target: backend, changeOrigin: false, xfwd: true } };

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: { sourcemap: true },
});
