/*
 * Import jobs through the app's requests: the chunked upload, the job in its worker thread (from the
 * TypeScript sources via the tsx loader, as `npm run cli` runs it), `import:progress` events, the
 * one-shot `contacts:import`, and cancel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../src-main/app';
import type { EventPayloads, ImportJobStatus, Result } from '../../src-main/contract';
import { FIXTURES_DIR } from '../fixtures/temp-store';
import { type TempApp, openTempApp } from '../fixtures/temp-app';

let app: HeraldApp;
let events: EventPayloads['import:progress'][];

let temp: TempApp;

beforeEach(async () => {
  temp = await openTempApp('herald-jobs-');
  app = temp.app;
  events = [];
  app.events.subscribe((event, payload) => {
    if (event === 'import:progress') events.push(payload as EventPayloads['import:progress']);
  });
});
afterEach(() => temp.dispose());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = (await app.dispatch(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Uploads bytes in chunks of `chunk` bytes, as the renderer does with 1 MiB. */
async function upload(bytes: Buffer, fileName = 'f.csv', chunk = 7): Promise<string> {
  const { uploadId } = await call<{ uploadId: string }>('contacts:uploadBegin', {
    fileName,
    size: bytes.length,
  });
  for (let i = 0, index = 0; i < bytes.length; i += chunk, index++)
    await call('contacts:uploadChunk', {
      uploadId,
      index,
      data: bytes.subarray(i, i + chunk).toString('base64'),
    });
  await call('contacts:uploadEnd', { uploadId });
  return uploadId;
}

function finished(jobId: string): Promise<EventPayloads['import:progress']> {
  return new Promise((resolve) => {
    const check = () => {
      const done = events.find((e) => e.jobId === jobId && e.done);
      if (done) resolve(done);
      else setImmediate(check);
    };
    check();
  });
}

describe('upload, preview and import job', () => {
  it('uploads in chunks, previews with guesses, checks, imports in a worker and pushes progress', async () => {
    const uploadId = await upload(readFileSync(join(FIXTURES_DIR, 'german-excel.csv')), 'kontakte.csv');
    const preview = await call<{
      encoding: string;
      delimiter: string;
      headers: string[];
      rows: unknown[];
      fields: string[];
    }>('contacts:importPreview', { uploadId });
    expect(preview).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Vorname', 'Nachname', 'E-Mail', 'Mobil', 'Firma', 'Newsletter'],
    });
    expect(preview.fields).toEqual(['first_name', 'last_name', 'email', 'phone', 'company', 'email_consent']);
    expect(preview.rows).toHaveLength(3);

    const check = await call<ImportJobStatus>('contacts:importStart', {
      uploadId,
      fields: preview.fields,
      defaultCountry: 'DE',
      dryRun: true,
    });
    const checked = await finished(check.jobId);
    expect(checked.result).toMatchObject({ rows: 3, valid: 3, imported: 3, invalidEmail: 1, importId: null });

    const job = await call<ImportJobStatus>('contacts:importStart', {
      uploadId,
      fields: preview.fields,
      defaultCountry: 'DE',
      list: { name: 'Messe' },
      tags: ['2025'],
    });
    const done = await finished(job.jobId);
    expect(done).toMatchObject({ state: 'done', rowsRead: 3, result: { imported: 3, invalidEmail: 1 } });
    expect(await call('contacts:importStatus', { jobId: job.jobId })).toMatchObject({ state: 'done' });
    const list = await call<{
      rows: {
        firstName: string;
        lists: string[];
        tags: string[];
        emailConsent: string | null;
        attributes: Record<string, string>;
      }[];
    }>('contacts:list', { limit: 10 });
    expect(list.rows.map((c) => [c.firstName, c.lists, c.tags, c.emailConsent])).toEqual([
      ['Jürgen', ['Messe'], ['2025'], 'granted'],
      ['Anna', ['Messe'], ['2025'], 'denied'],
      ['Klaus', ['Messe'], ['2025'], 'granted'],
    ]);
    expect(list.rows[0]!.attributes).toEqual({ company: 'Weiß; Partner' });
    const issues = await call<{ rows: { line: number; code: string }[] }>('contacts:importIssues', {
      importId: done.result!.importId,
    });
    expect(issues.rows.map((i) => [i.line, i.code])).toEqual([[4, 'invalid_email']]);
  });

  it('answers a bad file with its message and a failed job state', async () => {
    const uploadId = await upload(readFileSync(join(FIXTURES_DIR, 'not-a-csv.bin')), 'photo.csv');
    const r = await app.dispatch('contacts:importPreview', { uploadId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad_file', message: expect.stringMatching(/not a CSV/) },
    });
    const job = await call<ImportJobStatus>('contacts:importStart', { uploadId });
    expect(await finished(job.jobId)).toMatchObject({ state: 'failed', error: { code: 'bad_file' } });
  });

  it('refuses chunks out of order or beyond the announced size', async () => {
    const { uploadId } = await call<{ uploadId: string }>('contacts:uploadBegin', {
      fileName: 'a.csv',
      size: 3,
    });
    expect(await app.dispatch('contacts:uploadChunk', { uploadId, index: 1, data: 'YQ==' })).toMatchObject({
      ok: false,
    });
    expect(
      await app.dispatch('contacts:uploadChunk', { uploadId, index: 0, data: 'YWJjZA==' }),
    ).toMatchObject({ ok: false });
    expect(await app.dispatch('contacts:uploadEnd', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('cancels a running import; its record says what was written', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `user${i}@example.com,+4479${String(i).padStart(8, '0')}`,
    );
    const uploadId = await upload(Buffer.from(`Email,Phone\n${rows.join('\n')}\n`), 'big.csv', 1024 * 1024);
    const job = await call<ImportJobStatus>('contacts:importStart', { uploadId });
    await call('contacts:importCancel', { jobId: job.jobId });
    const done = await finished(job.jobId);
    expect(done.state).toBe('cancelled');
    const imports = await call<{ status: string; imported: number }[]>('contacts:imports', {});
    const total = await call<{ total: number }>('contacts:list', { limit: 1 });
    expect(imports[0]?.status ?? 'cancelled').toBe('cancelled');
    expect(imports[0]?.imported ?? 0).toBe(total.total);
    expect(total.total).toBeLessThan(60_000);
  });

  it('checks a file (dry run) while another import writes; both finish with the right counts', async () => {
    const csv = (from: number) =>
      Buffer.from(
        `Email,Phone\n${Array.from({ length: 20_000 }, (_, i) => `u${from + i}@x.io,+4479${String(from + i).padStart(8, '0')}`).join('\n')}\n`,
      );
    const writing = await upload(csv(0), 'a.csv', 1024 * 1024);
    const checking = await upload(csv(10_000), 'b.csv', 1024 * 1024);
    const write = await call<ImportJobStatus>('contacts:importStart', { uploadId: writing });
    const check = await call<ImportJobStatus>('contacts:importStart', { uploadId: checking, dryRun: true });
    const [w, c] = await Promise.all([finished(write.jobId), finished(check.jobId)]);
    expect(w).toMatchObject({ state: 'done', result: { imported: 20_000 } });
    // Whatever part of the writing import the check saw, every row is a contact, new or existing.
    expect(c.state).toBe('done');
    expect((c.result?.imported ?? 0) + (c.result?.existing ?? 0)).toBe(20_000);
    expect((await call<{ total: number }>('contacts:list', { limit: 1 })).total).toBe(20_000);
  });
});

describe('one-shot contacts:import', () => {
  it('runs the same job on CSV text and returns the summary', async () => {
    const content = readFileSync(join(FIXTURES_DIR, 'contacts.csv'), 'utf8');
    const summary = await call<{
      imported: number;
      duplicates: number;
      issues: { line: number; code: string }[];
    }>('contacts:import', { fileName: 'contacts.csv', content });
    expect(summary).toMatchObject({ imported: 5, duplicates: 1 });
    expect(summary.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'invalid_phone'],
      [7, 'duplicate'],
    ]);
  });
});
