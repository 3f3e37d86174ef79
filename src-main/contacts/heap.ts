import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFn = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: GcFn | null | undefined;

/**
 * Hands back to the OS the heap the calling thread keeps in reserve, with one memory-reducing
 * ("last resort") full GC. Returns the pause in ms, or null when V8 offers no GC function.
 *
 * Why: V8 sizes the young generation by the machine's memory and grows it while the app's modules
 * load; on the thread that serves requests it stays at 2 × 64 MB afterwards (the Node/Electron app
 * idles at ~250 MB RSS, of which ~130 MB is that empty reserve). V8's memory reducer would shrink it
 * once the app has been idle for a while, but an import started right away would add its threads on
 * top of it, past the 300 MB budget (issue 3). The pause is ~60 ms, once per large import.
 * `gc` is V8's own (`--expose-gc`, set here at run time, applies to contexts created afterwards).
 */
export function releaseIdleHeap(): number | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const fn: unknown = runInNewContext('gc');
      gc = typeof fn === 'function' ? (fn as GcFn) : null;
    } catch {
      gc = null;
    }
  }
  if (!gc) return null;
  const t0 = performance.now();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return performance.now() - t0;
}
