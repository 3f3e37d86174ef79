/*
 * `npm run cli -- import` as a user runs it: a child process (`node --import tsx src-main/cli.ts`), the
 * job in its worker thread, the JSON report on stdout and the exit status.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../fixtures/temp-store';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: unknown }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli.ts', ...args, '--data-dir', dir, '--json'],
      {
        env: { ...process.env, HERALD_KEYCHAIN_SERVICE: `Herald-cli-test-${process.pid}` },
      },
    );
    return { code: 0, out: JSON.parse(stdout) };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: JSON.parse(err.stdout) };
  }
}

describe('cli import', { timeout: 60_000 }, () => {
  it('prints exactly the documented JSON; --dry-run writes nothing', async () => {
    const file = join(FIXTURES_DIR, 'contacts.csv');
    const dry = await cli('import', file, '--country', 'GB', '--dry-run');
    expect(dry.code).toBe(0);
    expect(Object.keys(dry.out as object)).toEqual([
      'file',
      'encoding',
      'delimiter',
      'rows',
      'valid',
      'imported',
      'updated',
      'duplicates',
      'invalid_phone',
      'invalid_email',
      'no_channel',
      'issues',
    ]);
    expect(dry.out).toEqual({
      file,
      encoding: 'utf-8',
      delimiter: ',',
      rows: 6,
      valid: 5,
      imported: 5,
      updated: 0,
      duplicates: 1,
      invalid_phone: 1,
      invalid_email: 0,
      no_channel: 0,
      issues: [
        {
          line: 4,
          field: 'Mobile Phone',
          code: 'invalid_phone',
          message: expect.stringMatching(/too short/),
        },
        { line: 7, field: 'email', code: 'duplicate', message: expect.stringMatching(/Duplicate/) },
      ],
    });
  });

  it('imports with --encoding, --delimiter and --list', async () => {
    const file = join(dir, 'semi.csv');
    writeFileSync(file, Buffer.from('Name;Email\nJ\xf6rg;j@x.de\nAnn;a@x.de\n', 'latin1'));
    const r = await cli(
      'import',
      file,
      '--encoding',
      'windows-1252',
      '--delimiter',
      'semicolon',
      '--list',
      'Fair',
    );
    expect(r).toMatchObject({
      code: 0,
      out: { encoding: 'windows-1252', delimiter: ';', imported: 2, issues: [] },
    });
  });

  it('rejects a bad file with exit status 2 and {"error":{code,message}}', async () => {
    const r = await cli('import', join(FIXTURES_DIR, 'not-a-csv.bin'));
    expect(r).toEqual({
      code: 2,
      out: { error: { code: 'bad_file', message: expect.stringMatching(/not a CSV/) } },
    });
  });
});
