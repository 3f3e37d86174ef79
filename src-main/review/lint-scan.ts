import type { CampaignDraft, Channel, WhatsAppTemplate } from '../contract';
import { audienceClause } from '../sending/audience';
import { SUPPRESSION_REASONS, planContact } from '../sending/outbox';
import { prepareCampaign } from '../sending/render';
import type { Store } from '../store/db';
import { loadTemplateLibrary } from '../templates/wa-library';
import { type ContactRow, checkRecipient, lintContext, lintRecipient } from './lint-check';
import { LintCollector, type ShardResult } from './lint-collect';
import { RenderCache } from './render-cache';

/** One worker's part of a lint: the draft, its template, and its audience contacts `after < id ≤ upTo`. */
export interface LintJob {
  lintId: string;
  draft: CampaignDraft;
  template: WhatsAppTemplate | null;
  after: number;
  /** null: to the end. */
  upTo: number | null;
}

/** Hooks of a scan: `cancelled` is polled between small batches; `progress` gets this shard's count. */
export interface ScanHooks {
  cancelled(): boolean;
  progress(checked: number): void;
}

/** Contacts read, and checked between two looks at the cancel flag. */
const BATCH = 500;

/**
 * The ids that split the audience of `store` into `parts` runs of equal size (ascending, `parts - 1`
 * of them): shard k holds the contacts after boundary k-1 up to boundary k.
 */
export function shardBoundaries(store: Store, draft: CampaignDraft, total: number, parts: number): number[] {
  const { sql, params } = audienceClause(draft.audience);
  const at = store.sqlite
    .prepare(`SELECT c.id FROM contacts c WHERE ${sql} ORDER BY c.id LIMIT 1 OFFSET @offset`)
    .pluck();
  const out: number[] = [];
  for (let k = 1; k < parts; k++) {
    const offset = Math.floor((total * k) / parts) - 1;
    if (offset < 0) continue;
    const id = at.get({ ...params, offset }) as number | undefined;
    if (id !== undefined && id > (out.at(-1) ?? 0)) out.push(id);
  }
  return out;
}

/**
 * Lints the draft's audience contacts in the job's id range, in id order: plans each with planContact
 * (the outbox's rule; its duplicate check runs per range, which is exact because `contacts.email` and
 * `contacts.phone` are unique), reads its rendering fields in the same query, and checks it
 * (checkRecipient) with one render cache for the run. Compiles the draft like the runner
 * (prepareCampaign with the template's library); throws AppError when it cannot be sent at all.
 * Stops early, `cancelled`, when asked.
 */
export function scanShard(store: Store, job: LintJob, hooks: ScanHooks): ShardResult {
  const { draft, template } = job;
  const prepared = prepareCampaign(
    draft,
    template,
    template ? loadTemplateLibrary(store.sqlite, template) : null,
  );
  const ctx = lintContext(prepared, new RenderCache().render);
  const collector = new LintCollector();
  const seen: Record<Channel, Set<string>> = { email: new Set(), whatsapp: new Set() };
  const { sql, params } = audienceClause(draft.audience);
  const page = store.sqlite.prepare<Record<string, string | number | null>, ContactRow>(
    `SELECT c.*, ${SUPPRESSION_REASONS}
     FROM contacts c WHERE c.id > @after AND (@upTo IS NULL OR c.id <= @upTo) AND ${sql}
     ORDER BY c.id LIMIT ${BATCH}`,
  );
  let after = job.after;
  for (;;) {
    if (hooks.cancelled()) return collector.result(true);
    const rows = page.all({ ...params, after, upTo: job.upTo });
    for (const row of rows) {
      const recipient = lintRecipient(row);
      collector.add(
        row.id,
        checkRecipient(ctx, recipient, planContact(draft.channelMode, row, seen)).findings,
      );
    }
    hooks.progress(collector.checked);
    if (rows.length < BATCH) return collector.result(false);
    after = rows[rows.length - 1]!.id;
  }
}
