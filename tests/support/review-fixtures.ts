import { join } from 'node:path';
import { CampaignDraft, type ChannelMode, type LintProblem, type LintReport } from '../../src-main/contract';
import { openStore } from '../../src-main/store/db';
import type { SendingRig } from './sending-rig';

/** A contact for review tests; omitted fields are empty (null), `attributes` defaults to `{}`. */
export interface ReviewContact {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  emailConsent?: 'granted' | 'denied' | null;
  whatsappConsent?: 'granted' | 'denied' | null;
  language?: string | null;
  attributes?: Record<string, string>;
}

/**
 * Replaces the rig's contacts with `contacts` (ids 1..n in order) through a second connection, and
 * puts `suppressed` addresses on their channel's suppression list. Returns the new ids.
 */
export function setContacts(
  rig: SendingRig,
  contacts: ReviewContact[],
  suppressed: { channel: 'email' | 'whatsapp'; address: string }[] = [],
): number[] {
  const store = openStore(join(rig.dir, 'herald.db'));
  try {
    const insert = store.sqlite.prepare(
      `INSERT INTO contacts (id, first_name, last_name, email, phone, email_consent, whatsapp_consent, language, attributes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    store.sqlite.transaction(() => {
      store.sqlite.prepare('DELETE FROM contacts').run();
      store.sqlite.prepare('DELETE FROM suppressions').run();
      contacts.forEach((c, i) =>
        insert.run(
          i + 1,
          c.firstName ?? null,
          c.lastName ?? null,
          c.email ?? null,
          c.phone ?? null,
          c.emailConsent ?? null,
          c.whatsappConsent ?? null,
          c.language ?? null,
          JSON.stringify(c.attributes ?? {}),
        ),
      );
      const sup = store.sqlite.prepare(
        'INSERT INTO suppressions (channel, address, reason) VALUES (?, ?, ?)',
      );
      for (const s of suppressed) sup.run(s.channel, s.address, 'Unsubscribed');
    })();
  } finally {
    store.close();
  }
  return contacts.map((_, i) => i + 1);
}

/** A draft on the rig's synced template (`order_confirmation`: body {{1}} {{2}}, URL button {{1}}). */
export function reviewDraft(
  rig: SendingRig,
  mode: ChannelMode,
  over: {
    subject?: string;
    html?: string;
    parameters?: Record<string, string>;
    attachmentColumn?: string;
    attachmentFolder?: string;
  } = {},
): CampaignDraft {
  return CampaignDraft.parse({
    name: `Review ${mode}`,
    channelMode: mode,
    audience: {},
    email: {
      subject: over.subject ?? 'Hello {{ first_name | default: "there" }}',
      html: over.html ?? '<p>Dear {{ first_name | default: "customer" }}.</p>',
      ...(over.attachmentColumn ? { attachmentColumn: over.attachmentColumn } : {}),
      ...(over.attachmentFolder ? { attachmentFolder: over.attachmentFolder } : {}),
    },
    whatsapp: {
      templateId: rig.templateId,
      parameters: over.parameters ?? {
        'body.1': '{{ first_name | default: "there" }}',
        'body.2': 'SKB-1',
        'button.0.1': 'SB-1',
      },
    },
  });
}

/** Lints `draft` through the dispatcher. */
export function lint(rig: SendingRig, draft: CampaignDraft, lintId = 'lint-1'): Promise<LintReport> {
  return rig.call('review:lint', { draft, lintId });
}

/** The problem with `code` (and `subject` / `channel` when given), or undefined. */
export function problem(
  report: LintReport,
  code: LintProblem['code'],
  subject?: string,
  channel?: LintProblem['channel'],
): LintProblem | undefined {
  return report.problems.find(
    (p) =>
      p.code === code &&
      (subject === undefined || p.subject === subject) &&
      (channel === undefined || p.channel === channel),
  );
}
