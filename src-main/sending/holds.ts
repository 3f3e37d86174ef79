import type { ChannelWait } from '../contract';
import { sleep } from './pacing';

/** Probe back-off while a provider cannot be reached: first wait, cap (ms). */
export const PROBE_FIRST_MS = 250;
export const PROBE_MAX_MS = 5_000;

/**
 * Why one channel of a run does not send right now. Every worker of the channel awaits `released`;
 * a quota hold ends at `until`, a network hold when `probe` reaches the provider again.
 */
export class Hold {
  readonly released: Promise<void>;
  private resolve!: () => void;
  private done = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly wait: ChannelWait,
    signal: AbortSignal,
    probe?: () => Promise<boolean>,
  ) {
    this.released = new Promise((r) => (this.resolve = r));
    signal.addEventListener(
      'abort',
      () => {
        this.release();
        this.wake?.();
      },
      { once: true },
    );
    if (wait.kind === 'network' && probe) void this.probeLoop(probe, signal);
    else if (wait.until !== null)
      void sleep(Math.max(0, wait.until - Date.now()), signal).then(
        () => this.release(),
        () => this.release(),
      );
  }

  get active(): boolean {
    return !this.done;
  }

  release(): void {
    if (this.done) return;
    this.done = true;
    this.resolve();
  }

  /** Probes at once instead of at the next back-off step (the user pressed Resume). */
  poke(): void {
    this.wake?.();
  }

  private async probeLoop(probe: () => Promise<boolean>, signal: AbortSignal): Promise<void> {
    let delay = PROBE_FIRST_MS;
    while (!this.done && !signal.aborted) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, delay);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = null;
      if (this.done || signal.aborted) return;
      if (await probe().catch(() => false)) return this.release();
      delay = Math.min(PROBE_MAX_MS, delay * 2);
    }
  }
}
