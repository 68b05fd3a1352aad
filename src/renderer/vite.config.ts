import react from '@vitejs/plugin-react';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// Relative base: the same build loads from the browser host (/) and the desktop protocol.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: join(here, '../../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
