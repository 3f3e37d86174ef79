import type { ShardResult } from './lint-collect';
import type { LintJob } from './lint-scan';

/** Main thread → lint worker: lint one shard; `cancel` is an Int32Array's buffer, non-zero = stop. */
export interface LintRequest {
  type: 'lint';
  job: LintJob;
  cancel: SharedArrayBuffer;
}

/** Lint worker → main thread. `checked`: this shard's recipients so far. */
export type LintReply =
  | { type: 'progress'; lintId: string; checked: number }
  | { type: 'done'; lintId: string; result: ShardResult }
  | { type: 'error'; lintId: string; message: string; code?: string };
