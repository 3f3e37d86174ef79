/**
 * Import jobs that write, running right now in this process (all databases). While one runs, the
 * contacts table's total may be reused for a moment instead of recounted (see repo.ts countMatching).
 */
let writing = 0;

/** Marks the start (+1) or end (-1) of a writing import job. */
export function importWriting(delta: 1 | -1): void {
  writing = Math.max(0, writing + delta);
}

/** True while a writing import job runs. */
export function isImportWriting(): boolean {
  return writing > 0;
}
