import type { ImportIssue } from '../contract';
import { CsvRecordReader, type RawRecord } from './csv-stream';
import type { CsvSegment } from './csv-segments';
import type { ColumnPlan } from './mapping';
import { type PreparedRow, prepareRecord } from './prepare';
import { validate } from './records';

/** A unit of an import's preparation: records already read and checked, or a segment of CSV text. */
export type PrepareWork = { records: RawRecord[] } | { segment: CsvSegment };

/** What every unit of one run is prepared with. Structured-clone safe. */
export interface PrepareContext {
  plan: ColumnPlan[];
  /** ISO 3166-1 alpha-2 country for national phone numbers. */
  defaultCountry: string;
  /** The file's header (unique names): a segment's records are checked against it. */
  headers: string[];
  /** The CSV delimiter a segment is parsed with. */
  delimiter: string;
  /** The file is read as UTF-8: values holding U+FFFD are reported. */
  checkUtf8: boolean;
}

/** A unit prepared: its rows in file order and the problems met reading them (ragged rows, …). */
export interface PreparedBatch {
  rows: PreparedRow[];
  readIssues: ImportIssue[];
}

/**
 * Prepares one unit: a segment is parsed (CsvRecordReader from its first line, exactly as the whole
 * file would be, see csv-segments.ts) and its records checked against the header (`validate`); then
 * every record is normalised (`prepareRecord`). Runs in a prepare thread or on the import thread.
 */
export function prepareWork(work: PrepareWork, ctx: PrepareContext): PreparedBatch {
  const readIssues: ImportIssue[] = [];
  let records: RawRecord[];
  if ('records' in work) records = work.records;
  else {
    const onIssue = (i: ImportIssue) => readIssues.push(i);
    const reader = new CsvRecordReader(ctx.delimiter, onIssue, work.segment.firstLine);
    const read = reader.push(work.segment.text);
    for (const r of reader.end()) read.push(r);
    records = [];
    for (const r of read) if (validate(r, ctx.headers, ctx.checkUtf8, onIssue)) records.push(r);
  }
  const rows = new Array<PreparedRow>(records.length);
  for (let i = 0; i < records.length; i++) rows[i] = prepareRecord(records[i]!, ctx.plan, ctx.defaultCountry);
  return { rows, readIssues };
}
