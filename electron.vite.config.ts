import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** One build for the three processes; `headless` and `cli` are plain-Node entries of the main build. */
export default defineConfig({
  main: {
    build: {
      // drizzle-orm is bundled, not loaded from node_modules: Node's ESM loader re-reads its 178 kB
      // package.json for each of its ~100 modules (~1.8 MB of garbage each), which put ~130 MB on the
      // peak RSS at start-up (bench:engine). Keep in step with tests/support/build-send-worker.ts.
      externalizeDeps: { exclude: ['drizzle-orm'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          headless: resolve('src-main/headless.ts'),
          cli: resolve('src-main/cli.ts'),
          // worker_threads entries: the contact import and the send engine run off the request thread.
          importWorker: resolve('src-main/contacts/worker.ts'),
          sendWorker: resolve('src-main/sending/worker.ts'),
          // The review lint checks every recipient off the request thread.
          lintWorker: resolve('src-main/review/lint-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may require only 'electron': bundle zod and the contract into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
