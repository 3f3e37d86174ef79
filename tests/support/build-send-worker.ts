/**
 * Builds the send worker the way electron-vite builds the main process (an SSR bundle with the
 * dependencies left external) into `<outDir>/sendWorker.js`, and optionally another entry next to it.
 * As a script: `node --import tsx tests/support/build-send-worker.ts <outDir> [<entry> <fileName>]`.
 */
import { build } from 'vite';

/**
 * Dependencies electron.vite.config.ts bundles into the main build instead of leaving them external
 * (`externalizeDeps.exclude`); keep the two lists the same so the bundle measured is the one shipped.
 */
export const BUNDLED_DEPENDENCIES = ['drizzle-orm'];

/** Bundles `entry` into `<outDir>/<fileName>`; `outDir` must be under the repository so bare imports resolve. */
export async function buildNodeBundle(entry: string, outDir: string, fileName: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: BUNDLED_DEPENDENCIES },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { entryFileNames: fileName, format: 'es' } },
    },
  });
  return `${outDir}/${fileName}`;
}

/** Writes `<outDir>/sendWorker.js`. */
export function buildSendWorker(outDir: string): Promise<string> {
  return buildNodeBundle('src-main/sending/worker.ts', outDir, 'sendWorker.js');
}

if (process.argv[1]?.endsWith('build-send-worker.ts') && process.argv[2]) {
  await buildSendWorker(process.argv[2]);
  if (process.argv[3]) await buildNodeBundle(process.argv[3], process.argv[2], process.argv[4] ?? 'entry.js');
}
