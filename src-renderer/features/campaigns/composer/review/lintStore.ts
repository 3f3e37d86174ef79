import { create } from 'zustand';
import type { AppErrorShape, LintProgress, LintReport } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import type { DraftInput } from '../draft';
import { useCursor } from './cursorStore';

/** The lint of the draft as it is now, run by the main process (review:lint). */
export interface LintState {
  /** The draft (JSON) the current lint or report is for. */
  key: string | null;
  lintId: string | null;
  progress: LintProgress | null;
  report: LintReport | null;
  error: AppErrorShape | null;
  running: boolean;
  /** Lints `draft` unless that very draft is already linted or being linted; a newer lint replaces older. */
  run: (draft: DraftInput) => void;
  /** Applies a progress event of the current lint (others are ignored). */
  onProgress: (p: LintProgress) => void;
  /** Takes a report of `draft` made elsewhere (the check at Send) as the current one. */
  adopt: (draft: DraftInput, lintId: string, report: LintReport) => void;
  /** Stops the running lint (review:lintCancel). */
  cancel: () => void;
  reset: () => void;
}

let counter = 0;
const IDLE = { key: null, lintId: null, progress: null, report: null, error: null, running: false };

/** The lint store; survives step changes so Review and Send share one lint. */
export const useLint = create<LintState>((set, get) => ({
  ...IDLE,
  run(draft) {
    const key = JSON.stringify(draft);
    const s = get();
    if (s.key === key && (s.running || (s.report && !s.report.cancelled))) return;
    // A problem's recipients belong to the report of the old draft: step through everyone again.
    if (s.key !== key && useCursor.getState().filter) useCursor.getState().showProblem(null);
    const lintId = `lint-${Date.now()}-${++counter}`;
    set({ key, lintId, running: true, progress: null, error: null });
    void api.invoke('review:lint', { draft, lintId }).then((r) => {
      // A newer lint replaced this one: its answer is stale.
      if (get().lintId !== lintId) return;
      if (r.ok) set({ report: r.value, running: false, progress: null });
      else set({ error: r.error, running: false, progress: null, report: null });
    });
  },
  onProgress(p) {
    if (p.lintId === get().lintId && get().running) set({ progress: p });
  },
  adopt(draft, lintId, report) {
    set({ key: JSON.stringify(draft), lintId, report, running: false, progress: null, error: null });
  },
  cancel() {
    const { lintId, running } = get();
    if (!lintId || !running) return;
    set({ running: false, key: null });
    void api.invoke('review:lintCancel', { lintId });
  },
  reset() {
    const { lintId, running } = get();
    if (lintId && running) void api.invoke('review:lintCancel', { lintId });
    set(IDLE);
  },
}));

/** Whether a complete (not stopped) report is there for `key`, the draft as it is now. */
export function isCurrent(s: LintState, key: string | null): boolean {
  return key !== null && s.key === key && s.report !== null && !s.report.cancelled && !s.running;
}
