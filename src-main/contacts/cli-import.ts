import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, type ImportIssue, type ImportStartInput } from '../contract';
import { KeytarCredentialStore } from '../credentials/keytar-store';
import { SettingsService } from '../settings/service';
import { openStore } from '../store/db';
import { runMigrations } from '../store/migrate';
import { EventBus } from '../transport/events';
import { ImportJobs } from './jobs';
import type { Upload } from './uploads';

/** Options of `herald import FILE` (see cli.ts). */
export interface CliImportOptions {
  file: string;
  dataDir: string;
  migrationsDir: string;
  country?: string;
  encoding?: string;
  delimiter?: string;
  list?: string;
  dryRun: boolean;
}

/** The `--json` report: exactly the keys the issue specifies, in snake case. */
export interface CliImportReport {
  file: string;
  encoding: string | null;
  delimiter: string | null;
  rows: number;
  valid: number;
  imported: number;
  updated: number;
  duplicates: number;
  invalid_phone: number;
  invalid_email: number;
  no_channel: number;
  issues: { line: number; field: string; code: string; message: string }[];
}

const DELIMITER_NAMES: Record<string, ImportStartInput['read']['delimiter']> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

/**
 * Runs the app's import pipeline on a file on disk (no copy: the file is read in place by the same
 * worker thread and pipeline as the app), with the default country from --country or the settings.
 * Returns the report; throws AppError('bad_file') for an unreadable or rejected file and
 * AppError('invalid_input') for a bad option.
 */
export async function runCliImport(o: CliImportOptions): Promise<CliImportReport> {
  let size: number;
  try {
    size = statSync(o.file).size;
  } catch (e) {
    throw new AppError('bad_file', `Cannot read ${o.file}: ${(e as Error).message}`);
  }
  const delimiter = o.delimiter === undefined ? undefined : DELIMITER_NAMES[o.delimiter.toLowerCase()];
  if (o.delimiter !== undefined && !delimiter)
    throw new AppError('invalid_input', `--delimiter must be one of , ; tab | (got "${o.delimiter}").`);
  if (o.country !== undefined && !/^[A-Za-z]{2}$/.test(o.country))
    throw new AppError(
      'invalid_input',
      `--country must be a two-letter country code such as DE (got "${o.country}").`,
    );
  const store = openStore(`${o.dataDir}/herald.db`);
  const jobs = (() => {
    runMigrations(store, o.migrationsDir);
    return new ImportJobs(store, new EventBus());
  })();
  try {
    const country =
      o.country?.toUpperCase() ??
      new SettingsService(store, new KeytarCredentialStore(), o.dataDir).general().defaultCountry;
    const upload: Upload = {
      id: 'cli',
      fileName: basename(o.file),
      size,
      path: o.file,
      received: size,
      nextIndex: 0,
      done: true,
    };
    const input: ImportStartInput = {
      uploadId: '0'.repeat(32),
      read: { ...(o.encoding ? { encoding: o.encoding } : {}), ...(delimiter ? { delimiter } : {}) },
      existing: 'fill',
      tags: [],
      dryRun: o.dryRun,
      ...(o.list ? { list: { name: o.list } } : {}),
    };
    const { jobId } = jobs.start({ upload, input, defaultCountry: country, fields: null });
    const done = await jobs.wait(jobId);
    if (done.error) throw new AppError(done.error.code, done.error.message);
    const r = done.result!;
    let issues: ImportIssue[];
    if (o.dryRun) issues = jobs.dryIssues(jobId);
    else
      issues = store.sqlite
        .prepare<[number], ImportIssue>(
          'SELECT line, field, code, message FROM import_issues WHERE import_id = ? ORDER BY line, id',
        )
        .all(r.importId ?? 0);
    return {
      file: o.file,
      encoding: r.encoding,
      delimiter: r.delimiter,
      rows: r.rows,
      valid: r.valid,
      imported: r.imported,
      updated: r.updated,
      duplicates: r.duplicates,
      invalid_phone: r.invalidPhone,
      invalid_email: r.invalidEmail,
      no_channel: r.noChannel,
      issues: issues
        .map(({ line, field, code, message }) => ({ line, field, code, message }))
        .sort((a, b) => a.line - b.line),
    };
  } finally {
    await jobs.close();
    store.close();
  }
}
