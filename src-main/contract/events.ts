import type { ImportJobStatus } from './api-contacts';
import type { LintProgress } from './api-review';
import type { CampaignProgress } from './domain';

/** Push events from the main process; progress is throttled to ≤ 10 events/s per job. */
export interface EventPayloads {
  'campaign:progress': CampaignProgress;
  /**
   * An import's progress: `rowsRead` (= counts.rows) and `done` once it is no longer running; import
   * jobs also send their whole status (jobId, state, bytes, counts, result, error).
   */
  'import:progress': { fileName: string; rowsRead: number; done: boolean } & Partial<ImportJobStatus>;
  /** A running lint of every recipient (review step). */
  'review:lintProgress': LintProgress;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = [
  'campaign:progress',
  'import:progress',
  'review:lintProgress',
];
