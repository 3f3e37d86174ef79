import { z } from 'zod';
import { Empty, Id } from './common';
import { CampaignDraft, type RecipientPreview } from './api-campaigns';
import { WhatsAppContent } from './content-whatsapp';
import { type Channel } from './domain';

/** Lint problem kinds. Rendering problems block sending; address/consent ones are per-channel skips. */
export const LintCode = z.enum([
  /** `{{ x }}` with no `default` filter renders empty for the recipient. */
  'empty_value',
  /** Text that still looks like a placeholder after rendering (`{{`, `}}`, `{%`, `{{1}}`). */
  'leftover_placeholder',
  /** A WhatsApp parameter breaks Meta's rules (empty, newline/tab, too long, unmapped). */
  'whatsapp_parameter',
  /** Another rendering problem: a render limit, a missing attachment, an empty subject. */
  'render_problem',
  'missing_address',
  'invalid_address',
  'no_consent',
  'suppressed',
  'duplicate_address',
  /** `both` mode: the email text and the WhatsApp body are the same message. */
  'same_content_both',
  /** WhatsApp with no recorded opt-in (Meta requires opt-in for template messages). */
  'no_opt_in_recorded',
]);
export type LintCode = z.infer<typeof LintCode>;

/**
 * One problem across recipients. `severity`: `blocking` disables Send until fixed or the recipients are
 * excluded; `skip` means those recipients are skipped on `channel` when sending (with the reason in the
 * report); `warning` is shown but does not block.
 */
export interface LintProblem {
  code: LintCode;
  severity: 'blocking' | 'skip' | 'warning';
  channel: Channel | null;
  /** What the problem is about, e.g. the variable (`company`) or parameter (`body 2`); '' when none. */
  subject: string;
  /** Ready for the UI: "Empty value with no default: {{ company }} (email body)". */
  label: string;
  /** How to fix it, ready for the UI. */
  fix: string;
  count: number;
  /** Every affected contact, ascending. */
  contactIds: number[];
  /** The first affected recipient's offending text, when there is one. */
  example: string | null;
}

/** The lint of every recipient of a draft. */
export interface LintReport {
  lintId: string;
  /** Recipients checked (= the audience size unless cancelled). */
  checked: number;
  total: number;
  problems: LintProblem[];
  /** Distinct recipients with at least one blocking problem; 0 = Send allowed. */
  blockingRecipients: number;
  cancelled: boolean;
  elapsedMs: number;
}

/** Progress of a running lint (event `review:lintProgress`, ≤ 10/s). */
export interface LintProgress {
  lintId: string;
  checked: number;
  total: number;
}

const LintId = z.string().min(1).max(64);

/** review:* request schemas: lazy per-recipient previews, lint, WhatsApp test send. */
export const reviewRequests = {
  /**
   * Recipients of the draft's audience, rendered exactly as they will be sent. Pick them by
   * `contactIds` (in that order), else by `offset` among the audience matching `search` (name, email,
   * phone), in id order. `total` counts the audience matching `search`.
   */
  'review:preview': z.object({
    draft: CampaignDraft,
    contactIds: z.array(Id).max(50).optional(),
    search: z.string().trim().max(200).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(50).default(1),
  }),
  /** Lints every recipient (in a worker); progress as `review:lintProgress`. A new lint cancels the older. */
  'review:lint': z.object({ draft: CampaignDraft, lintId: LintId }),
  'review:lintCancel': z.object({ lintId: LintId }),
  /** Sends the WhatsApp template rendered with one contact's data (or sample data) to `to` (E.164). */
  'review:testWhatsApp': z.object({
    whatsapp: WhatsAppContent,
    contactId: Id.optional(),
    to: z.string().trim().min(1, 'Enter your WhatsApp number.').max(40),
  }),
  /** The addresses the last test sends went to (remembered for next time). */
  'review:testTargets': Empty,
  'review:saveTestTargets': z.object({
    email: z.string().trim().max(320).default(''),
    whatsapp: z.string().trim().max(40).default(''),
  }),
} as const;

/** Outputs of {@link reviewRequests}. */
export interface ReviewOutputs {
  'review:preview': { total: number; offset: number; recipients: RecipientPreview[] };
  'review:lint': LintReport;
  'review:lintCancel': { cancelled: boolean };
  'review:testWhatsApp': { to: string; messageId: string; contactName: string };
  'review:testTargets': { email: string; whatsapp: string };
  'review:saveTestTargets': { email: string; whatsapp: string };
}
