import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** MAMEN_DIST_DIR lets two builds (two engineers, two test runs) live side by side; default dist/. */
const distDir = resolve(process.env.MAMEN_DIST_DIR ?? 'dist');

/** The renderer is built to static files that both transports serve: app:// in Electron, loopback HTTP in the browser. */
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(distDir, 'renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
