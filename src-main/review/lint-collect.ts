import type { Channel, LintCode, LintProblem } from '../contract';
import type { Finding } from './lint-check';
import { SEVERITY, describeProblem } from './lint-labels';

/** One problem group of one shard: the affected contacts in ascending id order. */
export interface GroupPart {
  code: LintCode;
  channel: Channel | null;
  subject: string;
  places: string[];
  contactIds: number[];
  example: string | null;
}

/** What one shard of a lint found (a worker's answer). */
export interface ShardResult {
  checked: number;
  /** Distinct recipients of this shard with a blocking problem. */
  blocking: number;
  groups: GroupPart[];
  cancelled: boolean;
}

/**
 * Groups findings by (code, channel, subject) as recipients are checked in ascending id order. A
 * recipient counts once per group however many times a rule fires for it.
 */
export class LintCollector {
  private readonly groups = new Map<string, GroupPart>();
  checked = 0;
  blocking = 0;

  add(contactId: number, findings: readonly Finding[]): void {
    this.checked += 1;
    let blocking = false;
    for (const f of findings) {
      if (SEVERITY[f.code] === 'blocking') blocking = true;
      const key = `${f.code}\u0000${f.channel ?? ''}\u0000${f.subject}`;
      let g = this.groups.get(key);
      if (!g) {
        g = {
          code: f.code,
          channel: f.channel,
          subject: f.subject,
          places: [],
          contactIds: [],
          example: f.example,
        };
        this.groups.set(key, g);
      }
      if (g.contactIds[g.contactIds.length - 1] !== contactId) g.contactIds.push(contactId);
      for (const p of f.places ?? []) if (!g.places.includes(p)) g.places.push(p);
    }
    if (blocking) this.blocking += 1;
  }

  result(cancelled: boolean): ShardResult {
    return { checked: this.checked, blocking: this.blocking, groups: [...this.groups.values()], cancelled };
  }
}

const ORDER: Record<LintProblem['severity'], number> = { blocking: 0, skip: 1, warning: 2 };

/**
 * Merges the shards' groups into the report's problems: contact ids ascending, the example of the
 * lowest affected id, labels and fixes in the user's words; blocking first, then skips, then
 * warnings, each by count (largest first).
 */
export function mergeShards(parts: readonly ShardResult[]): {
  problems: LintProblem[];
  checked: number;
  blockingRecipients: number;
} {
  const merged = new Map<string, { g: GroupPart; first: number }>();
  for (const part of parts) {
    for (const g of part.groups) {
      const key = `${g.code}\u0000${g.channel ?? ''}\u0000${g.subject}`;
      const m = merged.get(key);
      const first = g.contactIds[0] ?? Infinity;
      if (!m) {
        merged.set(key, { g: { ...g, places: [...g.places], contactIds: [...g.contactIds] }, first });
        continue;
      }
      m.g.contactIds.push(...g.contactIds);
      for (const p of g.places) if (!m.g.places.includes(p)) m.g.places.push(p);
      if (first < m.first) {
        m.first = first;
        m.g.example = g.example;
      }
    }
  }
  const problems: LintProblem[] = [...merged.values()].map(({ g }) => {
    const ids = Int32Array.from(g.contactIds).sort();
    const { label, fix } = describeProblem(g.code, g.channel, g.subject, g.places.sort());
    return {
      code: g.code,
      severity: SEVERITY[g.code],
      channel: g.channel,
      subject: g.subject,
      label,
      fix,
      count: ids.length,
      contactIds: Array.from(ids),
      example: g.example,
    };
  });
  problems.sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || b.count - a.count || a.label.localeCompare(b.label),
  );
  return {
    problems,
    checked: parts.reduce((n, p) => n + p.checked, 0),
    blockingRecipients: parts.reduce((n, p) => n + p.blocking, 0),
  };
}
