/**
 * Command line for automation and support; the same services and dispatch as the app.
 *
 *   npm run cli -- import FILE [--country CC] [--data-dir DIR] [--json]
 *   npm run cli -- campaigns [--data-dir DIR] [--json]
 *   npm run cli -- serve [--data-dir DIR] [--port N]        (browser mode, like `npm run serve`)
 *
 * Exit codes: 0 done, 1 unexpected failure, 2 rejected input (printed as {"error":{code,message}} with --json).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import type { Result } from './contract';
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

async function main(): Promise<void> {
  const [command, file] = args;
  if (command === 'serve') {
    await import('./headless');
    return;
  }
  const app = await createApp({
    dataDir: resolveDataDir(process.argv, process.env, join(homedir(), '.herald')),
    migrationsDir: resolveMigrationsDir({ packaged: false, moduleDir: here }),
    credentials: new KeytarCredentialStore(),
    mode: 'browser',
    version: '0.1.0',
  });
  if (command === 'import' && file) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (e) {
      return finish(
        { ok: false, error: { code: 'bad_file', message: `Cannot read ${file}: ${(e as Error).message}` } },
        String,
      );
    }
    const country = option('--country');
    const result = await app.dispatch('contacts:import', {
      fileName: basename(file),
      content,
      ...(country ? { defaultCountry: country } : {}),
    });
    await app.close();
    return finish(
      result,
      (s: { rows: number; imported: number; updated: number; duplicates: number; issues: unknown[] }) =>
        `${s.rows} rows: ${s.imported} imported, ${s.updated} updated, ${s.duplicates} duplicates, ${s.issues.length} issues`,
    );
  }
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
    'Usage: herald import FILE [--country CC] [--json] | campaigns [--json] | serve [--port N]  (all take --data-dir DIR)',
  );
  process.exit(2);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
