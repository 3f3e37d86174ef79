import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder holding Herald's database, logs and uploads. Precedence: `--data-dir DIR` or
 * `--data-dir=DIR` in `argv` (the last one given wins), then `HERALD_DATA_DIR`, then `fallback`
 * (Electron's userData). Relative paths resolve against the current directory. Creates the folder
 * (and its parents) and returns its absolute path. Throws if `--data-dir` has no value or the folder
 * cannot be created.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  let fromArgs: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new Error('--data-dir needs a folder, e.g. --data-dir ./herald-data');
      }
      fromArgs = value;
      i++;
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value === '') throw new Error('--data-dir needs a folder, e.g. --data-dir=./herald-data');
      fromArgs = value;
    }
  }
  const envDir = env['HERALD_DATA_DIR'];
  const dir = resolve(fromArgs ?? (envDir !== undefined && envDir !== '' ? envDir : fallback));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where the SQL migrations are: shipped as an extraResource when packaged, in the repo otherwise. */
export interface MigrationsLocation {
  /** `app.isPackaged`. */
  packaged: boolean;
  /** `process.resourcesPath`; required when packaged (electron-builder.yml copies migrations there). */
  resourcesPath?: string;
  /** The folder of the running module (the bundle in out/main, or src-main under tsx/vitest). */
  moduleDir: string;
}

/**
 * Returns the migrations folder: `<resourcesPath>/migrations` when packaged; in development the
 * `migrations` folder of the nearest ancestor of `moduleDir` that holds `migrations/meta/_journal.json`.
 * Throws when it cannot be found, naming where it looked.
 */
export function resolveMigrationsDir(opts: MigrationsLocation): string {
  if (opts.packaged) {
    if (opts.resourcesPath === undefined)
      throw new Error('resolveMigrationsDir: resourcesPath is required when packaged');
    return join(opts.resourcesPath, 'migrations');
  }
  let dir = resolve(opts.moduleDir);
  for (;;) {
    if (existsSync(join(dir, 'migrations', 'meta', '_journal.json'))) return join(dir, 'migrations');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `No migrations/meta/_journal.json found in ${resolve(opts.moduleDir)} or any folder above it`,
  );
}
