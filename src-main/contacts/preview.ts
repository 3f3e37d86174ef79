import type { ColumnField, ImportIssue, ImportPreview, ReadOptions } from '../contract';
import type { Store } from '../store/db';
import { guessFields } from './mapping';
import { headerKey } from './pipeline';
import { type RawRecord, openSource } from './source';
import type { Upload } from './uploads';

/** Rows shown in the wizard's preview. */
export const PREVIEW_ROWS = 50;

/** The mapping remembered for a header set, when it still fits. */
export function rememberedFields(store: Store, headers: readonly string[]): ColumnField[] | null {
  const row = store.sqlite
    .prepare<[string], { mapping: string }>('SELECT mapping FROM import_mappings WHERE header_key = ?')
    .get(headerKey(headers));
  if (!row) return null;
  const fields = JSON.parse(row.mapping) as ColumnField[];
  return Array.isArray(fields) && fields.length === headers.length ? fields : null;
}

/**
 * The wizard's first look at an upload: how it is read (detected and chosen encoding, delimiter,
 * sheet), its header, the first PREVIEW_ROWS data rows, the problems found in them, and one field per
 * column (the mapping remembered for this header set, else the guess). Reads only the start of the
 * file. Throws AppError('bad_file') like openSource.
 */
export async function previewUpload(store: Store, upload: Upload, read: ReadOptions): Promise<ImportPreview> {
  const issues: ImportIssue[] = [];
  const ctl = new AbortController();
  const source = await openSource(upload.path, read, (i) => issues.push(i), ctl.signal);
  const rows: RawRecord[] = [];
  for await (const batch of source.batches) {
    rows.push(...batch.slice(0, PREVIEW_ROWS - rows.length));
    if (rows.length >= PREVIEW_ROWS) break;
  }
  ctl.abort();
  const guessed = guessFields(source.headers);
  const remembered = rememberedFields(store, source.headers);
  const last = rows[rows.length - 1]?.line ?? Infinity;
  return {
    fileName: upload.fileName,
    ...source.info,
    headers: source.headers,
    rows,
    fields: remembered ?? guessed,
    guessed,
    remembered: remembered !== null,
    warnings: source.warnings,
    issues: issues.filter((i) => i.line <= last),
  };
}
