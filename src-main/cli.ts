/**
 * Command line for automation and support; the same services and dispatch as the app.
 *
 *   npm run cli -- import FILE [--country CC] [--encoding E] [--delimiter D] [--list NAME] [--dry-run]
 *                             [--json] [--data-dir DIR]
 *   npm run cli -- campaigns [--data-dir DIR] [--json]
 *   npm run cli -- serve [--data-dir DIR] [--port N]        (browser mode, like `npm run serve`)
 *
 * Exit codes: 0 done, 1 unexpected failure, 2 rejected input (printed as {"error":{code,message}} with --json).
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { runCliImport } from './contacts/cli-import';
import { AppError, type Result } from './contract';
import { KeytarCredentialStore } from './credentials/keytar-store';
import { resolveDataDir, resolveMigrationsDir } from './paths';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');

function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function finish(result: Result<unknown>, human: (value: never) => string): never {
  if (!result.ok) {
    console.log(
      json
        ? JSON.stringify({ error: { code: result.error.code, message: result.error.message } })
        : `Error: ${result.error.message}`,
    );
    process.exit(2);
  }
  console.log(json ? JSON.stringify(result.value) : human(result.value as never));
  process.exit(0);
}

/** `import FILE`: the app's import pipeline (worker thread, same checks) on a file on disk. */
async function importCommand(file: string, dataDir: string, migrationsDir: string): Promise<void> {
  try {
    const report = await runCliImport({
      file,
      dataDir,
      migrationsDir,
      country: option('--country'),
      encoding: option('--encoding'),
      delimiter: option('--delimiter'),
      list: option('--list'),
      dryRun: args.includes('--dry-run'),
    });
    return finish({ ok: true, value: report }, (r: typeof report) =>
      [
        `${r.file} (${r.encoding ?? 'xlsx'}${r.delimiter ? `, delimiter ${JSON.stringify(r.delimiter)}` : ''})`,
        `${r.rows} rows: ${r.valid} valid, ${r.imported} imported, ${r.updated} updated, ${r.duplicates} duplicates,`,
        `${r.invalid_phone} invalid phone, ${r.invalid_email} invalid email, ${r.no_channel} without email or phone`,
        ...r.issues.slice(0, 20).map((i) => `  line ${i.line} ${i.field}: ${i.message}`),
        r.issues.length > 20 ? `  … and ${r.issues.length - 20} more problems (use --json for all)` : '',
        args.includes('--dry-run') ? 'Dry run: nothing was written.' : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return finish({ ok: false, error: { code: e.code, message: e.message } }, String);
  }
}

async function main(): Promise<void> {
  const [command, file] = args;
  if (command === 'serve') {
    await import('./headless');
    return;
  }
  const dataDir = resolveDataDir(process.argv, process.env, join(homedir(), '.herald'));
  const migrationsDir = resolveMigrationsDir({ packaged: false, moduleDir: here });
  if (command === 'import' && file) return importCommand(file, dataDir, migrationsDir);
  const app = await createApp({
    dataDir,
    migrationsDir,
    credentials: new KeytarCredentialStore(),
    mode: 'browser',
    version: '0.1.0',
  });
  if (command === 'campaigns') {
    const result = await app.dispatch('campaigns:list', {});
    await app.close();
    return finish(
      result,
      (list: { id: number; name: string; status: string; done: number; total: number }[]) =>
        list.map((c) => `#${c.id} ${c.name} — ${c.status} (${c.done}/${c.total})`).join('\n') ||
        'No campaigns yet.',
    );
  }
  await app.close();
  console.error(
    'Usage: herald import FILE [--country CC] [--encoding E] [--delimiter D] [--list NAME] [--dry-run] [--json] | campaigns [--json] | serve [--port N]  (all take --data-dir DIR)',
  );
  process.exit(2);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
