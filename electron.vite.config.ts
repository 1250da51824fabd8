import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * The desktop build (issue: desktop shell and UI). Main-process dependencies stay external
 * (better-sqlite3 is native); the sandboxed preload is one self-contained CommonJS file; the
 * renderer is bundled from renderer/.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
