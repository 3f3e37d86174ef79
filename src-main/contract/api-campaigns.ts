import { z } from 'zod';
import { Empty, Id } from './common';
import { EmailContent } from './content-email';
import { WhatsAppContent } from './content-whatsapp';
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

/** A campaign being composed. Liquid templates (`{{ first_name | default: "there" }}`) everywhere. */
export const CampaignDraft = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
    channelMode: ChannelMode,
    /** Audience: every contact, or the contacts of one import. */
    audience: z.object({ importId: Id.optional() }).strict(),
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
  email: { to: string; subject: string; html: string } | null;
  whatsapp: {
    to: string;
    header: string | null;
    body: string;
    footer: string | null;
    buttons: string[];
  } | null;
  /** Why a channel will skip this contact, or what is wrong with the rendering. */
  problems: string[];
}

/** campaigns:* request schemas. */
export const campaignsRequests = {
  'campaigns:preview': z.object({
    draft: CampaignDraft,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(50).default(5),
  }),
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
  'campaigns:preview': { total: number; recipients: RecipientPreview[] };
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
