import { useDebouncedValue } from '@mantine/hooks';
import { useEffect } from 'react';
import { type DraftInput, buildDraft, contentProblems } from '../draft';
import { useComposer } from '../store';
import { useLint } from './lintStore';

/** The draft as previews and lint take it, its JSON key, and what is missing before they can run. */
export interface CurrentDraft {
  draft: DraftInput | null;
  key: string | null;
  missing: string[];
}

/** The composer's draft for review:* and plan:compute (null while the content is incomplete). */
export function useCurrentDraft(): CurrentDraft {
  const state = useComposer();
  const missing = contentProblems(state);
  if (missing.length > 0) return { draft: null, key: null, missing };
  // The name does not change any rendering: typing it must not start a new lint.
  const draft = buildDraft({ ...state, name: '' }, true);
  return { draft, key: JSON.stringify(draft), missing };
}

/**
 * Keeps the lint on the draft as it is now: lints when the step opens and again 500 ms after an edit
 * (an exclusion, a default added). The lint runs in the main process; nothing here waits for it.
 */
export function useAutoLint(current: CurrentDraft): void {
  const [key] = useDebouncedValue(current.key, 500, { leading: true });
  const run = useLint((s) => s.run);
  useEffect(() => {
    if (key) run(JSON.parse(key) as DraftInput);
  }, [key, run]);
}
