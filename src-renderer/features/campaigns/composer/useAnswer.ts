import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../../src-main/contract';

/** The main process's answer for the latest key; `loading` while the answer is for an older key. */
export interface Answer<T> {
  value: T | null;
  error: AppErrorShape | null;
  loading: boolean;
}

/**
 * Asks the main process `ask(key)` `delayMs` after `key` last changed (null: nothing to ask) and keeps
 * the answer to the LATEST key only: answers to older keys arrive late and are dropped, so a slow
 * count or plan never overwrites a newer one. The last answer stays shown while a new one is due.
 * `ask` must be stable (a module-level function).
 */
export function useAnswer<T>(
  key: string | null,
  ask: (key: string) => Promise<Result<T>>,
  delayMs = 0,
): Answer<T> {
  const seq = useRef(0);
  const [state, setState] = useState<{ key: string | null; value: T | null; error: AppErrorShape | null }>({
    key: null,
    value: null,
    error: null,
  });
  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void ask(key).then((r) => {
        if (mine !== seq.current) return;
        setState(r.ok ? { key, value: r.value, error: null } : { key, value: null, error: r.error });
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, ask, delayMs]);
  return { value: state.value, error: state.error, loading: key !== null && state.key !== key };
}
