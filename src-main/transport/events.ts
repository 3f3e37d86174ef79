import type { EventName, EventPayloads } from '../contract';

/** Receives every push event; transports register one each. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * Typed fan-out of push events to the transports. `throttled` coalesces bursts per key so no job emits
 * more than 1000/`minIntervalMs` events/s (10/s by default, DESIGN.md), always delivering the latest.
 */
export class EventBus {
  private listeners = new Set<EventListener>();
  private pending = new Map<string, { timer: NodeJS.Timeout; emit: () => void }>();
  private lastAt = new Map<string, number>();

  /** Adds a listener; returns its unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** Emits now if the key has been quiet for `minIntervalMs`, else once at the end of the interval. */
  throttled<E extends EventName>(
    key: string,
    event: E,
    payload: EventPayloads[E],
    minIntervalMs = 100,
  ): void {
    const emit = () => {
      this.pending.delete(key);
      this.lastAt.set(key, Date.now());
      this.emit(event, payload);
    };
    const existing = this.pending.get(key);
    if (existing) {
      existing.emit = emit;
      return;
    }
    const wait = (this.lastAt.get(key) ?? 0) + minIntervalMs - Date.now();
    if (wait <= 0) return emit();
    const entry = { emit, timer: setTimeout(() => entry.emit(), wait) };
    this.pending.set(key, entry);
  }

  /** Delivers any pending throttled events at once (used at job end so the last state is never lost). */
  flush(key?: string): void {
    for (const [k, p] of [...this.pending]) {
      if (key !== undefined && k !== key) continue;
      clearTimeout(p.timer);
      p.emit();
    }
  }
}
