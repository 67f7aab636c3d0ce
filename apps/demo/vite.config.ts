import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Alias } from 'vite';

// The browser calls the demo backend at /api (proxied, same origin) and the Immutable API
// (the emulator) directly, at the URL the backend gives in /api/config.
const backend = process.env.DEMO_BACKEND_URL ?? 'http://127.0.0.1:8788';
const proxy = { '/api': { target: backend, changeOrigin: false, xfwd: true } };

/**
 * `vite build --mode react18`: the same app on React 18 (the kit's other supported major), into
 * dist/react18/ (inside dist/, so git and ESLint already leave it alone; `vite build` empties
 * dist/, so build the React 19 app first, as scripts/dev.ts does). `vite preview --mode react18`
 * serves it.
 */
export const REACT18_MODE = 'react18';
export const REACT18_OUT_DIR = 'dist/react18';

/**
 * Every `react`, `react-dom` and subpath import (react/jsx-runtime, react-dom/client, …), in the
 * app and in node_modules (the kit, @tanstack/*), goes to the react-18 / react-dom-18 packages
 * (npm aliases of react@18 / react-dom@18), by absolute path so that it resolves from anywhere —
 * so exactly one React, 18, ends up in the bundle.
 */
function react18Aliases(): Alias[] {
  const require = createRequire(import.meta.url);
  const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));
  return [
    { find: /^react-dom(\/.*)?$/, replacement: `${dir('react-dom-18')}$1` },
    { find: /^react(\/.*)?$/, replacement: `${dir('react-18')}$1` },
  ];
}

export default defineConfig(({ mode }) => {
  const react18 = mode === REACT18_MODE;
  return {
    plugins: [react()],
    resolve: react18 ? { alias: react18Aliases() } : {},
    server: { host: '127.0.0.1', port: 5173, proxy },
    preview: { host: '127.0.0.1', port: 4173, proxy },
    build: { sourcemap: true, ...(react18 ? { outDir: REACT18_OUT_DIR } : {}) },
  };
});
