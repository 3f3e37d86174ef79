import type { CampaignDraft, LintReport } from '../contract';
import { countAudience } from '../contacts/repo';
import { draftTemplate, prepareDraft } from '../sending/prepare';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import { mergeShards } from './lint-collect';
import { type LintWorkers } from './lint-workers';
import { shardBoundaries } from './lint-scan';

interface Running {
  lintId: string;
  flag: Int32Array;
}

/**
 * Lints every recipient of a draft in the lint worker threads: one lint at a time (a newer lint, or
 * `cancel`, stops the older, which then resolves `cancelled` with what it had found), progress as
 * `review:lintProgress` at most 10/s with a last event at the end. Throws AppError when the draft
 * cannot be sent at all (prepareDraft's message: a missing template, an unmapped placeholder, …).
 */
export class LintService {
  private running: Running | null = null;

  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    readonly workers: LintWorkers,
  ) {}

  async lint(draft: CampaignDraft, lintId: string): Promise<LintReport> {
    const started = performance.now();
    prepareDraft(this.store, draft); // refuse what cannot be sent, on this thread, with the user's message
    const template = draftTemplate(this.store, draft);
    const total = countAudience(this.store, draft.audience);
    this.cancelRunning();
    const me: Running = { lintId, flag: new Int32Array(new SharedArrayBuffer(4)) };
    this.running = me;
    const key = `review:lint:${lintId}`;
    const progress = (checked: number) =>
      this.events.throttled(key, 'review:lintProgress', { lintId, checked, total });
    progress(0);
    try {
      const boundaries = shardBoundaries(this.store, draft, total, this.workers.parallelism);
      const parts = await this.workers.run(
        { lintId, draft, template },
        boundaries,
        me.flag.buffer as SharedArrayBuffer,
        progress,
      );
      const merged = mergeShards(parts);
      progress(merged.checked);
      return {
        lintId,
        checked: merged.checked,
        total,
        problems: merged.problems,
        blockingRecipients: merged.blockingRecipients,
        cancelled: parts.some((p) => p.cancelled),
        elapsedMs: Math.round(performance.now() - started),
      };
    } finally {
      this.events.flush(key);
      if (this.running === me) this.running = null;
    }
  }

  /** Stops the running lint when it is `lintId`; true when one was stopped. */
  cancel(lintId: string): boolean {
    if (this.running?.lintId !== lintId) return false;
    this.cancelRunning();
    return true;
  }

  private cancelRunning(): void {
    if (!this.running) return;
    Atomics.store(this.running.flag, 0, 1);
    this.running = null;
  }
}
