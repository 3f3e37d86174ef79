import { AppError, type ImportIssue, type ImportSummary } from '../contract';
import { deleteContacts, updateContact } from '../contacts/edit';
import { previewUpload } from '../contacts/preview';
import { listContacts, listImports } from '../contacts/repo';
import { contactsRuntime } from '../contacts/runtime';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** Most problems the one-shot `contacts:import` returns (the full list is in the issues report). */
const ONE_SHOT_ISSUES = 10_000;

/** contacts:* — uploads, import jobs, the audience table and edits. */
export function contactsHandlers(
  s: Services,
): Omit<HandlersFor<'contacts'>, 'contacts:bulk' | 'contacts:export'> {
  const rt = contactsRuntime(s.store, s.events);
  const country = (given?: string) => given ?? s.settings.general().defaultCountry;
  const issuesOf = (importId: number, afterId: number, limit: number) =>
    s.store.sqlite
      .prepare<[number, number, number], ImportIssue & { id: number; value: string | undefined }>(
        'SELECT id, line, field, code, message, value FROM import_issues WHERE import_id = ? AND id > ? ORDER BY id LIMIT ?',
      )
      .all(importId, afterId, limit)
      .map((r) => (r.value === null ? { ...r, value: undefined } : r));
  return {
    'contacts:import': async ({ fileName, content, defaultCountry }) => {
      const upload = rt.uploads.fromText(fileName, content);
      try {
        const input = { uploadId: upload.id, read: {}, existing: 'fill' as const, tags: [], dryRun: false };
        const { jobId } = rt.jobs.start({
          upload,
          input,
          defaultCountry: country(defaultCountry),
          fields: null,
        });
        const done = await rt.jobs.wait(jobId);
        if (done.error) throw new AppError(done.error.code, done.error.message);
        const r = done.result!;
        const summary: ImportSummary = {
          importId: r.importId ?? 0,
          fileName: r.fileName,
          rows: r.rows,
          valid: r.valid,
          imported: r.imported,
          updated: r.updated,
          duplicates: r.duplicates,
          invalidPhone: r.invalidPhone,
          invalidEmail: r.invalidEmail,
          noChannel: r.noChannel,
          mapping: r.mapping,
          issues: r.importId ? issuesOf(r.importId, 0, ONE_SHOT_ISSUES).map(({ id: _id, ...i }) => i) : [],
        };
        summary.issues.sort((a, b) => a.line - b.line);
        return summary;
      } finally {
        rt.uploads.discard(upload.id);
      }
    },
    'contacts:uploadBegin': ({ fileName, size }) => rt.uploads.begin(fileName, size),
    'contacts:uploadChunk': ({ uploadId, index, data }) => rt.uploads.chunk(uploadId, index, data),
    'contacts:uploadEnd': ({ uploadId }) => rt.uploads.end(uploadId),
    'contacts:uploadDiscard': ({ uploadId }) => {
      rt.uploads.discard(uploadId);
      return { ok: true as const };
    },
    'contacts:importPreview': ({ uploadId, read }) => previewUpload(s.store, rt.uploads.get(uploadId), read),
    'contacts:importStart': (input) =>
      rt.jobs.start({
        upload: rt.uploads.get(input.uploadId),
        input,
        defaultCountry: country(input.defaultCountry),
        fields: input.fields ?? null,
      }),
    'contacts:importStatus': ({ jobId }) => rt.jobs.status(jobId),
    'contacts:importCancel': ({ jobId }) => rt.jobs.cancel(jobId),
    'contacts:importIssues': ({ importId, afterId, limit }) => {
      const rows = issuesOf(importId, afterId ?? 0, limit);
      return { rows, nextAfterId: rows.length === limit ? rows[rows.length - 1]!.id : null };
    },
    'contacts:list': (input) => listContacts(s.store, input),
    'contacts:update': ({ id, patch }) => updateContact(s.store, id, patch, country()),
    'contacts:delete': ({ ids }) => deleteContacts(s.store, ids),
    'contacts:imports': () => listImports(s.store),
  };
}
