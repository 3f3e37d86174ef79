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
  'campaigns:recipients': z.object({
    campaignId: Id,
    state: OutboxState.optional(),
    channel: Channel.optional(),
    afterId: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
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
}
