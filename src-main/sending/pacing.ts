/**
 * Pacing for one channel at `ratePerSec` messages/s (`Infinity` = unpaced). Sends are scheduled on a
 * theoretical timeline (GCRA, ITU-T I.371) so a late timer does not lower the achieved rate, and a
 * sliding window of the last `floor(rate)` send times guarantees no 1 s window ever holds more than the
 * rate, which is how providers count throughput.
 */
export class TokenBucket {
  private tat: number;
  private blockedUntil = 0;
  private window: number[] = [];

  constructor(
    private ratePerSec: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tat = now();
  }

  /** Changes the rate (messages/s), e.g. after a throughput error. */
  setRate(ratePerSec: number): void {
    this.ratePerSec = ratePerSec;
    const cap = this.windowCap();
    if (this.window.length > cap) this.window = this.window.slice(-cap);
  }

  get rate(): number {
    return this.ratePerSec;
  }

  /** Until when (ms since epoch) no tokens are handed out; 0 when not blocked. */
  get blockedUntilMs(): number {
    return this.blockedUntil;
  }

  /** Stops handing out tokens for `ms` (used when the provider reports its throughput was hit). */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  private windowCap(): number {
    return Math.max(1, Math.floor(this.ratePerSec));
  }

  /** Takes a send slot and returns 0, or returns the ms to wait before asking again. */
  tryTake(): number {
    const t = this.now();
    if (this.blockedUntil > t) return this.blockedUntil - t;
    if (!Number.isFinite(this.ratePerSec)) return 0;
    if (t < this.tat) return Math.ceil(this.tat - t);
    const cap = this.windowCap();
    if (this.window.length >= cap) {
      const age = t - this.window[this.window.length - cap]!;
      if (age < 1000) return Math.ceil(1000 - age);
    }
    const interval = 1000 / this.ratePerSec;
    // Credit up to one interval of timer lateness so the schedule does not drift.
    this.tat = Math.max(this.tat, t - interval) + interval;
    this.window.push(t);
    if (this.window.length > cap * 2) this.window = this.window.slice(-cap);
    return 0;
  }

  /** Resolves when a slot was taken; rejects with the signal's reason when aborted. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.tryTake();
      if (wait === 0) return;
      await sleep(wait, signal);
    }
  }
}

/** Abortable sleep (ms). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
 * a random delay in [base·2^(attempt-1)/2, base·2^(attempt-1)], capped at `capMs`.
 */
export function backoffMs(attempt: number, baseMs = 2000, capMs = 5 * 60_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
