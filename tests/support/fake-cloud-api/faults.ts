/**
 * Faults the fake Cloud API can inject into its next answers: a 5xx gateway page (not Graph JSON),
 * a Graph error code (e.g. 131000, 1, 2), no answer at all (the client must time out), or a reset
 * connection. Each applies to one request; queue several for several.
 */
export type FakeFault =
  | { kind: 'http5xx'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'error'; code: number }
  | { kind: 'timeout' }
  | { kind: 'reset' };

/** Which requests a fault may hit: sends only (default), or any request. */
export type FaultScope = 'messages' | 'any';

/** A FIFO of injected faults, taken one per matching request. */
export class FaultQueue {
  private readonly queue: { fault: FakeFault; scope: FaultScope }[] = [];

  /** Queues `fault` for the next `times` matching requests. */
  add(fault: FakeFault, times = 1, scope: FaultScope = 'messages'): void {
    for (let i = 0; i < times; i++) this.queue.push({ fault, scope });
  }

  /** The fault for a request (removed from the queue), or null. */
  take(isMessage: boolean): FakeFault | null {
    const i = this.queue.findIndex((f) => f.scope === 'any' || isMessage);
    if (i === -1) return null;
    return this.queue.splice(i, 1)[0]?.fault ?? null;
  }

  get size(): number {
    return this.queue.length;
  }
}

/**
 * Per-recipient pair rate (whatsapp-cloud-api.md, "Throughput and limits": about 1 message per 6 s
 * to the same user; short bursts borrow future quota). GCRA per recipient: a send is allowed while
 * the recipient's theoretical arrival time is at most `(burst - 1) × intervalMs` ahead of now.
 */
export class PairRate {
  private readonly tat = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly burst: number,
  ) {}

  /** Records a send to `waId` at `now` if allowed; false means 131056. */
  take(waId: string, now: number): boolean {
    const tat = Math.max(this.tat.get(waId) ?? now, now);
    if (tat - now > (this.burst - 1) * this.intervalMs) return false;
    this.tat.set(waId, tat + this.intervalMs);
    return true;
  }
}
