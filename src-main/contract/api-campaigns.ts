import { z } from 'zod';
import { Empty, Id } from './common';
import { ConsentFilter } from './api-contacts';
import { EmailContent } from './content-email';
import { type PreviewMedia, WhatsAppContent } from './content-whatsapp';
import {
  type CampaignProgress,
  type CampaignSummary,
  Channel,
  ChannelMode,
  OutboxState,
  type RecipientRow,
} from './domain';

/** Filters of the per-recipient report. `search` matches name or address (case-insensitive). */
export const RecipientFilter = z.object({
  campaignId: Id,
  state: OutboxState.optional(),
  channel: Channel.optional(),
  search: z.string().trim().max(200).optional(),
});
export type RecipientFilter = z.infer<typeof RecipientFilter>;

/** What a report action changed, and the campaign's progress afterwards. */
export interface ReportActionResult {
  changed: number;
  /** Rows the action could not take, with why (e.g. no email address). */
  skipped: number;
  progress: CampaignProgress;
}

/**
 * A condition on one contact field or imported attribute. `key`: `language`, `company`, or an imported
 * attribute name. Text comparisons ignore case; `is_empty` / `is_not_empty` ignore `value`.
 */
export const AttributeCondition = z.object({
  key: z.string().trim().min(1, 'Choose a field.').max(100),
  op: z.enum(['equals', 'not_equals', 'contains', 'is_empty', 'is_not_empty']),
  value: z.string().max(500).default(''),
});
export type AttributeCondition = z.infer<typeof AttributeCondition>;

/**
 * Who a campaign is for. Every group is optional; all given groups must hold (AND):
 * - `listIds`: in ANY of these lists; `tagIds`: has ANY of these tags; `importId`: created by that import;
 * - consent per channel, has an email / a WhatsApp-capable phone, `languages` (any of, case-insensitive),
 *   every `attributes` condition;
 * - minus contacts in `excludeListIds`, with `excludeTagIds`, or in `excludeContactIds` (chosen in review).
 * The suppression list is always applied per channel when the outbox is planned (a skip, with reason).
 */
/** Most recipients a draft can leave out one by one (Review's "Exclude"); more call for a filter. */
export const MAX_EXCLUDED_CONTACTS = 100_000;

export const Audience = z
  .object({
    importId: Id.optional(),
    listIds: z.array(Id).max(1000).default([]),
    tagIds: z.array(Id).max(1000).default([]),
    emailConsent: ConsentFilter.optional(),
    whatsappConsent: ConsentFilter.optional(),
    hasEmail: z.boolean().optional(),
    hasWhatsApp: z.boolean().optional(),
    languages: z.array(z.string().trim().min(1).max(35)).max(200).default([]),
    attributes: z.array(AttributeCondition).max(20).default([]),
    excludeListIds: z.array(Id).max(1000).default([]),
    excludeTagIds: z.array(Id).max(1000).default([]),
    excludeContactIds: z.array(Id).max(MAX_EXCLUDED_CONTACTS).default([]),
  })
  .strict();
export type Audience = z.infer<typeof Audience>;

/** The audience of a new campaign: every contact (nothing chosen, nothing left out). */
export const EMPTY_AUDIENCE: Audience = {
  listIds: [],
  tagIds: [],
  languages: [],
  attributes: [],
  excludeListIds: [],
  excludeTagIds: [],
  excludeContactIds: [],
};

/** A campaign being composed. Liquid templates (`{{ first_name | default: "there" }}`) everywhere. */
export const CampaignDraft = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
    channelMode: ChannelMode,
    audience: Audience.default(EMPTY_AUDIENCE),
    email: EmailContent.optional(),
    whatsapp: WhatsAppContent.optional(),
  })
  .superRefine((d, ctx) => {
    const needsEmail = d.channelMode !== 'whatsapp';
    const needsWhatsApp = d.channelMode !== 'email';
    if (needsEmail && !d.email)
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'This channel mode sends email: add an email subject and body.',
      });
    if (needsWhatsApp && !d.whatsapp)
      ctx.addIssue({
        code: 'custom',
        path: ['whatsapp'],
        message: 'This channel mode sends WhatsApp: pick an approved template.',
      });
  });
export type CampaignDraft = z.infer<typeof CampaignDraft>;

/** One recipient's rendering, exactly as it will be sent. */
export interface RecipientPreview {
  contactId: number;
  name: string;
  email: {
    to: string;
    subject: string;
    html: string;
    /** The From line as sent (`Name <address>`); review:preview only. */
    from?: string;
    /** Headers the sender adds (Reply-To, List-Unsubscribe, List-Unsubscribe-Post); review:preview only. */
    headers?: { name: string; value: string }[];
  } | null;
  whatsapp: {
    to: string;
    header: string | null;
    /** The header's image, video or document (library file or link), when the template has one. */
    headerMedia: PreviewMedia | null;
    body: string;
    footer: string | null;
    buttons: string[];
  } | null;
  /** Why a channel will skip this contact, or what is wrong with the rendering. */
  problems: string[];
}

/** campaigns:* request schemas. */
export const campaignsRequests = {
  'campaigns:create': CampaignDraft,
  'campaigns:start': z.object({ campaignId: Id }),
  'campaigns:pause': z.object({ campaignId: Id }),
  'campaigns:resume': z.object({ campaignId: Id }),
  'campaigns:cancel': z.object({ campaignId: Id }),
  'campaigns:list': Empty,
  'campaigns:progress': z.object({ campaignId: Id }),
  'campaigns:recipients': RecipientFilter.extend({
    afterId: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  /** Starts a `draft` by itself at `at` (ms since epoch) while Herald is open. */
  'campaigns:schedule': z.object({ campaignId: Id, at: z.number().int().positive() }),
  /** Back to draft (a scheduled campaign, e.g. one whose time passed while Herald was closed). */
  'campaigns:unschedule': z.object({ campaignId: Id }),
  /** Scheduled campaigns whose time passed while Herald was closed: the user starts or unschedules them. */
  'campaigns:missedSchedules': Empty,
  /** Copies a draft into a dry-run campaign and runs it: everything but the network, full report. */
  'campaigns:dryRun': z.object({ campaignId: Id }),
  /** Queues failed rows again: the retryable ones (retries ran out), or the chosen `rowIds`. */
  'campaigns:retryFailed': z.object({
    campaignId: Id,
    rowIds: z.array(Id).max(100_000).optional(),
  }),
  /** Rows left `unknown` by a crash: send again, or record them as sent. */
  'campaigns:resolveUnknown': z.object({
    campaignId: Id,
    action: z.enum(['resend', 'mark_sent']),
    rowIds: z.array(Id).max(100_000).optional(),
  }),
  /**
   * Queues an email for contacts whose WhatsApp message failed (all, or `rowIds`). `email` is the
   * content to send when the campaign has none yet.
   */
  'campaigns:emailInstead': z.object({
    campaignId: Id,
    rowIds: z.array(Id).max(100_000).optional(),
    email: EmailContent.optional(),
  }),
  /** The per-recipient report as CSV (cells starting with = + - @ are escaped). */
  'campaigns:exportCsv': RecipientFilter,
} as const;

/** Outputs of {@link campaignsRequests}. */
export interface CampaignsOutputs {
  'campaigns:create': CampaignSummary;
  'campaigns:start': CampaignProgress;
  'campaigns:pause': CampaignProgress;
  'campaigns:resume': CampaignProgress;
  'campaigns:cancel': CampaignProgress;
  'campaigns:list': CampaignSummary[];
  'campaigns:progress': CampaignProgress;
  'campaigns:recipients': { rows: RecipientRow[]; nextAfterId: number | null };
  'campaigns:schedule': CampaignProgress;
  'campaigns:unschedule': CampaignProgress;
  'campaigns:missedSchedules': CampaignSummary[];
  'campaigns:dryRun': CampaignProgress;
  'campaigns:retryFailed': ReportActionResult;
  'campaigns:resolveUnknown': ReportActionResult;
  'campaigns:emailInstead': ReportActionResult;
  'campaigns:exportCsv': { fileName: string; csv: string; rows: number };
}
