/**
 * The renderer build: two pages (cashier, display) from renderer/ into dist/renderer, with relative asset
 * URLs so the same output loads from app://kassa/ (Electron) and from the loopback browser host.
 * Nothing is fetched from the network at build or run time.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), 'renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: resolve(root, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Inlined assets would become data: URLs for scripts/fonts, which the CSP does not allow.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        cashier: resolve(root, 'cashier.html'),
        display: resolve(root, 'display.html'),
      },
      output: {
        // Name the shared chunk for what it is (libraries + shared/), not after whichever module came first.
        chunkFileNames: 'assets/common-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.css'))
            ? 'assets/styles-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
});
