import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  AppError,
  type ColumnField,
  type ExistingPolicy,
  type ImportIssue,
  type ImportResult,
  type ReadOptions,
} from '../contract';
import { guessFields, mappingOf, planFromFields } from './mapping';
import type { PrepareContext, PrepareWork, PreparedBatch } from './prepare-work';
import { ImportSink, emptyCounts } from './sink';
import { openSegmentedSource } from './source';

/** Rows per batch handed to a prepare worker and per write transaction. */
export const BATCH_ROWS = 2000;

/** Prepares a unit of work (parses a segment, normalises records) in a worker pool, or inline. */
export type PrepareFn = (work: PrepareWork, ctx: PrepareContext) => Promise<PreparedBatch>;

/** Everything a pipeline run needs besides the database. */
export interface PipelineJob {
  path: string;
  fileName: string;
  totalBytes: number;
  input: {
    read: ReadOptions;
    /** One field per column, or null for the remembered or guessed mapping. */
    fields: ColumnField[] | null;
    existing: ExistingPolicy;
    tags: string[];
    dryRun: boolean;
  };
  defaultCountry: string;
  /** The list the contacts join (already created), or null. */
  listId: number | null;
}

/** How a run reports and is stopped. */
export interface PipelineHooks {
  signal: AbortSignal;
  prepare: PrepareFn;
  /**
   * Normalises a batch on this thread. When given, a batch that would otherwise wait for the writer
   * (the oldest batch still being prepared elsewhere) is prepared here instead, up to twice `inFlight`
   * batches ahead: this thread helps the prepare threads instead of idling.
   */
  prepareHere?: (work: PrepareWork, ctx: PrepareContext) => PreparedBatch;
  /** Batches prepared ahead of the writer (default 4). */
  inFlight?: number;
  onProgress(p: { bytesRead: number; counts: ImportSink['counts'] }): void;
}

/** What a run ended with: its result, every dry-run problem, and how it stopped. */
export interface PipelineOutcome {
  result: ImportResult;
  dryIssues: ImportResult['firstIssues'];
  status: 'done' | 'cancelled';
}

function cancelledEarly(job: PipelineJob): PipelineOutcome {
  const result: ImportResult = {
    ...emptyCounts(),
    importId: null,
    fileName: job.fileName,
    encoding: null,
    delimiter: null,
    mapping: {},
    listId: job.listId,
    firstIssues: [],
  };
  return { result, dryIssues: [], status: 'cancelled' };
}

/** The key under which a header set's mapping is remembered: sha256 of the JSON list of headers. */
export function headerKey(headers: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(headers)).digest('hex');
}

function noChannelColumn(headers: string[]): AppError {
  const found = headers.map((h) => `"${h}"`).join(', ');
  const firstRowIsData = headers.some((h) => h.includes('@') || /^\+?[\d\s()-]{7,}$/.test(h));
  return new AppError(
    'bad_file',
    firstRowIsData
      ? `The first row looks like a contact, not column names (found ${found}). Add a header row such as "First Name,Last Name,Email,Phone" and import again.`
      : `No column is an email or a phone number. Found columns: ${found}. Choose the email or phone column in the mapping, or name it "Email" or "Phone".`,
  );
}

/**
 * Runs one import (or dry run) on `db`: streams the file (see openSource), maps the columns (the given
 * fields, else the remembered or guessed ones), prepares batches of BATCH_ROWS through `hooks.prepare`
 * (several in flight, so normalisation runs on other cores while this thread writes) and writes them
 * in order through ImportSink, one transaction per batch. Stops between batches when `hooks.signal`
 * aborts (status `cancelled`). Throws AppError('bad_file') for an unreadable file, a header without
 * rows or no email/phone column, AppError('invalid_input') when `fields` does not fit the header; the
 * import record is then marked failed with what was written.
 */
export async function runPipeline(
  db: Database.Database,
  job: PipelineJob,
  hooks: PipelineHooks,
): Promise<PipelineOutcome> {
  const { input } = job;
  const progress = { bytes: 0 };
  let sink: ImportSink | null = null;
  const early: ImportIssue[] = [];
  // Problems met reading on this thread go with the next batch written, so the import's problems
  // are recorded in line order (the sink merges them with the batch's rows).
  let carried: ImportIssue[] = [];
  const onIssue = (i: ImportIssue) => (sink ? carried.push(i) : early.push(i));
  let source: Awaited<ReturnType<typeof openSegmentedSource>>;
  try {
    source = await openSegmentedSource(job.path, input.read, onIssue, BATCH_ROWS, hooks.signal, progress);
  } catch (e) {
    // Cancelled before the header was read: nothing was written.
    if (hooks.signal.aborted) return cancelledEarly(job);
    throw e;
  }
  const { headers } = source;
  const key = headerKey(headers);
  let fields = input.fields;
  if (!fields) {
    const saved = db
      .prepare<[string], { mapping: string }>('SELECT mapping FROM import_mappings WHERE header_key = ?')
      .get(key);
    const remembered = saved ? (JSON.parse(saved.mapping) as ColumnField[]) : null;
    fields = remembered?.length === headers.length ? remembered : guessFields(headers);
  }
  if (fields.length !== headers.length)
    throw new AppError(
      'invalid_input',
      `The mapping has ${fields.length} columns but the file has ${headers.length}. Preview the file again.`,
    );
  const plan = planFromFields(headers, fields);
  if (!plan.some((c) => c.field === 'email' || c.field === 'phone')) throw noChannelColumn(headers);

  sink = new ImportSink(db, {
    fileName: job.fileName,
    encoding: source.info.encoding,
    delimiter: source.info.delimiter,
    existing: input.existing,
    listId: job.listId,
    tagNames: input.tags,
    dryRun: input.dryRun,
  });
  early.forEach((i) => sink!.addIssue(i));
  if (!input.dryRun && input.fields) {
    db.prepare(
      'INSERT INTO import_mappings (header_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
    ).run(key, JSON.stringify(fields), Date.now());
  }
  const ctx: PrepareContext = {
    plan,
    defaultCountry: job.defaultCountry,
    headers,
    delimiter: source.info.delimiter ?? ',',
    checkUtf8: source.info.encoding === 'utf-8',
  };
  // Batches in file order; `ready` once prepared (or failed), so the writer knows whether it would wait.
  const queue: { rows: Promise<PreparedBatch>; ready: boolean }[] = [];
  const enqueue = (prepared: Promise<PreparedBatch>, read: ImportIssue[]) => {
    const rows =
      read.length === 0
        ? prepared
        : prepared.then((b) => ({ rows: b.rows, readIssues: [...read, ...b.readIssues] }));
    const entry = { rows, ready: false };
    const settle = () => void (entry.ready = true);
    rows.then(settle, settle);
    queue.push(entry);
  };
  const limit = hooks.inFlight ?? 4;
  const s = sink;
  const writeNext = async () => {
    const batch = await queue.shift()!.rows;
    s.writeBatch(batch.rows, batch.readIssues);
    hooks.onProgress({ bytesRead: progress.bytes, counts: s.counts });
  };
  /** Prepares `batch` here when the writer would wait anyway; false when it should go to `prepare`. */
  const preparedHere = async (work: PrepareWork, read: ImportIssue[]): Promise<boolean> => {
    if (!hooks.prepareHere || queue.length >= 2 * limit || queue[0]?.ready !== false) return false;
    await new Promise<void>((r) => setImmediate(r)); // let answers that have arrived settle
    if (queue[0]?.ready !== false) return false;
    try {
      enqueue(Promise.resolve(hooks.prepareHere(work, ctx)), read);
    } catch (e) {
      enqueue(Promise.reject(e instanceof Error ? e : new Error(String(e))), read);
    }
    return true;
  };
  const settleAll = () => Promise.allSettled(queue.map((q) => q.rows));
  let status: 'done' | 'cancelled' = 'done';
  try {
    for await (const item of source.items) {
      const units: PrepareWork[] = [];
      if ('segment' in item) units.push(item);
      else
        for (let i = 0; i < item.records.length; i += BATCH_ROWS)
          units.push({ records: item.records.slice(i, i + BATCH_ROWS) });
      for (const work of units) {
        // The problems read so far belong to this item's records (or to dropped ones before them).
        const read = carried;
        carried = [];
        let here = false;
        while (queue.length >= limit - 1 && !(here = await preparedHere(work, read))) await writeNext();
        if (!here) enqueue(hooks.prepare(work, ctx), read);
      }
      if (hooks.signal.aborted) break;
    }
    while (queue.length > 0 && !hooks.signal.aborted) await writeNext();
    if (hooks.signal.aborted) status = 'cancelled';
    else {
      carried.forEach((i) => s.addIssue(i)); // read after the last rows (a broken last line)
      if (s.counts.rows === 0) throw new AppError('bad_file', 'The file has a header row but no contacts.');
    }
    s.finish(status, status === 'cancelled' ? 'Cancelled by the user.' : null);
  } catch (e) {
    await settleAll();
    s.finish('failed', e instanceof Error ? e.message : String(e));
    throw e;
  } finally {
    if (queue.length) await settleAll();
    await source.items.return(undefined);
  }
  const result: ImportResult = {
    ...s.counts,
    importId: s.importId,
    fileName: job.fileName,
    encoding: source.info.encoding,
    delimiter: source.info.delimiter,
    mapping: mappingOf(plan),
    listId: job.listId,
    firstIssues: s.firstIssues,
  };
  return { result, dryIssues: s.dryIssues, status };
}
