import { api } from '../../../lib/api';
import { csvLine } from '../../../../src-main/contract';
import { downloadText } from '../../../lib/download';

/**
 * Downloads an import's full problem list as CSV (line, field, code, problem, original value), fetched
 * page by page from contacts:importIssues. Cells are formula-safe. Resolves with the number of rows,
 * or rejects with the error message.
 */
export async function downloadIssuesReport(importId: number, fileName: string): Promise<number> {
  const parts = [csvLine(['line', 'field', 'code', 'problem', 'original value'])];
  let afterId: number | undefined;
  let n = 0;
  for (;;) {
    const r = await api.invoke('contacts:importIssues', {
      importId,
      limit: 5000,
      ...(afterId ? { afterId } : {}),
    });
    if (!r.ok) throw new Error(r.error.message);
    for (const i of r.value.rows) parts.push(csvLine([i.line, i.field, i.code, i.message, i.value ?? '']));
    n += r.value.rows.length;
    if (r.value.nextAfterId === null) break;
    afterId = r.value.nextAfterId;
  }
  downloadText(`${fileName.replace(/\.[^.]+$/, '')}-import-problems.csv`, parts);
  return n;
}
