import type { IncomingMessage } from 'node:http';

/** Marks a body that is not JSON (or was too large). */
export const INVALID = Symbol('invalid JSON');

/** Parses a request body; `undefined` for an empty one, INVALID for bad JSON or an oversized body. */
export function parseJson(raw: Buffer | null): unknown {
  if (raw === null) return INVALID;
  try {
    return raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown);
  } catch {
    return INVALID;
  }
}

/** Reads the request body up to `maxBytes`; null when it was larger (the rest is drained). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The Bearer token of a request (header, or Graph's `access_token` query parameter). */
export function bearer(req: IncomingMessage, query: URLSearchParams): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim() ?? query.get('access_token');
}

/** A rolling 1 s window of accepted sends (130429 when full), O(1) amortised per send. */
export class ThroughputWindow {
  private times: number[] = [];
  private head = 0;

  constructor(public limit: number) {}

  /** Whether one more send fits at `now` (ms); does not record it. */
  fits(now: number): boolean {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - 1000) this.head++;
    if (this.head > 4096) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head < this.limit;
  }

  record(now: number): void {
    this.times.push(now);
  }
}
