import type { Audience, CampaignDraft, Channel, RecipientPreview, WhatsAppTemplate } from '../contract';
import { filterClause } from '../contacts/filter';
import { audienceClause } from '../sending/audience';
import { SUPPRESSION_REASONS, planContact } from '../sending/outbox';
import { draftTemplate } from '../sending/prepare';
import { prepareCampaign } from '../sending/render';
import type { SettingsService } from '../settings/service';
import type { Store } from '../store/db';
import { loadTemplateLibrary } from '../templates/wa-library';
import { previewWhatsApp } from '../templates/wa-render';
import { EnvelopeBuilder } from './envelope';
import { type ContactRow, type LintContext, checkRecipient, lintContext, lintRecipient } from './lint-check';
import { SEVERITY, describeProblem } from './lint-labels';
import { RenderCache } from './render-cache';

/** Input of `review:preview` (the contract's, defaults applied). */
export interface PreviewInput {
  draft: CampaignDraft;
  contactIds?: number[];
  search?: string;
  offset: number;
  limit: number;
}

/** Drafts and id lists kept between steps (a few: the user edits content and searches). */
const KEEP = 4;

function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) {
    map.delete(key); // most recently used last
    map.set(key, found);
    return found;
  }
  const made = make();
  map.set(key, made);
  if (map.size > KEEP) map.delete(map.keys().next().value as string);
  return made;
}

const CHANNEL_WORD: Record<Channel, string> = { email: 'Email', whatsapp: 'WhatsApp' };

/**
 * Lazy per-recipient previews of a draft for the review step. The compiled campaign (templates, the
 * template's library and a render cache) is kept per content, the audience's ids per (audience,
 * search) while the database is unchanged (`PRAGMA data_version` for other connections' commits,
 * `total_changes()` for this one's), so a step reads one page of contacts and renders only them,
 * with the runner's functions (renderEmail / renderWhatsApp via checkRecipient), the unsubscribe
 * link and headers as the email sender adds them, and each recipient's skips and lint problems.
 */
export class PreviewService {
  private readonly prepared = new Map<string, LintContext>();
  private readonly ids = new Map<string, Int32Array>();

  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
  ) {}

  preview(input: PreviewInput): { total: number; offset: number; recipients: RecipientPreview[] } {
    const ctx = this.context(input.draft);
    const ids = this.audienceIds(input.draft.audience, input.search ?? '');
    let offset = input.offset;
    let pick: number[];
    if (input.contactIds) {
      pick = input.contactIds;
      const at = pick.length > 0 ? sortedIndex(ids, pick[0]!) : -1;
      if (at >= 0) offset = at;
    } else pick = Array.from(ids.subarray(offset, offset + input.limit));
    const envelope = new EnvelopeBuilder(this.settings);
    const rows = this.rows(pick);
    const recipients = pick
      .map((id) => rows.get(id))
      .filter((r): r is ContactRow => r !== undefined)
      .map((r) => this.recipient(ctx, r, envelope));
    return { total: ids.length, offset, recipients };
  }

  private context(draft: CampaignDraft): LintContext {
    const template = draftTemplate(this.store, draft);
    const key = JSON.stringify([
      draft.channelMode,
      draft.email ?? null,
      draft.whatsapp ?? null,
      stamp(template),
    ]);
    return remember(this.prepared, key, () => {
      const library = template ? loadTemplateLibrary(this.store.sqlite, template) : null;
      return lintContext(prepareCampaign(draft, template, library), new RenderCache().render);
    });
  }

  private audienceIds(audience: Audience, search: string): Int32Array {
    const { sqlite } = this.store;
    const version = `${String(sqlite.pragma('data_version', { simple: true }))}:${String(
      sqlite.prepare('SELECT total_changes()').pluck().get(),
    )}`;
    const key = JSON.stringify([audience, search.trim(), version]);
    return remember(this.ids, key, () => {
      const a = audienceClause(audience);
      const s = filterClause({ search });
      const ids = sqlite
        .prepare(`SELECT c.id FROM contacts c WHERE ${a.sql} AND ${s.sql} ORDER BY c.id`)
        .pluck()
        .all({ ...a.params, ...s.params }) as number[];
      return Int32Array.from(ids);
    });
  }

  private rows(ids: number[]): Map<number, ContactRow> {
    if (ids.length === 0) return new Map();
    const rows = this.store.sqlite
      .prepare(
        `SELECT c.*, ${SUPPRESSION_REASONS}
         FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as ContactRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  private recipient(ctx: LintContext, row: ContactRow, envelope: EnvelopeBuilder): RecipientPreview {
    const r = lintRecipient(row);
    // Emails and phones are unique in `contacts`, so one contact alone plans as in the whole audience.
    const planned = planContact(ctx.mode, row, { email: new Set(), whatsapp: new Set() });
    const check = checkRecipient(ctx, r, planned, true);
    const problems = planned
      .filter((p) => p.state === 'skipped' && p.skipReason)
      .map((p) => `${CHANNEL_WORD[p.channel]} skipped: ${p.skipReason}`);
    for (const f of check.findings) {
      if (f.code === 'render_problem' || f.code === 'whatsapp_parameter')
        problems.push(f.example ?? f.subject);
      else if (SEVERITY[f.code] !== 'skip')
        // the skip reasons above already say it
        problems.push(describeProblem(f.code, f.channel, f.subject, f.places).label);
    }
    const c = r.contact;
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.phone || `#${c.id}`;
    let email: RecipientPreview['email'] = null;
    if (check.email && c.email) {
      const env = envelope.build(c, c.email, check.email.subject, check.email.html);
      if (env.problem) problems.push(env.problem);
      email = {
        to: c.email,
        subject: check.email.subject,
        html: env.html,
        from: env.from,
        headers: env.headers,
      };
    }
    const wa = ctx.prepared.whatsapp;
    const whatsapp =
      wa && check.whatsapp && c.phone ? { to: c.phone, ...previewWhatsApp(wa, check.whatsapp) } : null;
    return { contactId: c.id, name, email, whatsapp, problems };
  }
}

function stamp(t: WhatsAppTemplate | null): string | null {
  return t ? `${t.id}:${t.syncedAt}:${t.status}` : null;
}

/** Index of `id` in ascending `ids`, or -1. */
function sortedIndex(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
