// The layered page (layers.html) built on its own, as an app that has only that page.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist-layers', rollupOptions: { input: 'layers.html' } },
});
