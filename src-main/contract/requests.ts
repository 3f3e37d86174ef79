import { z } from 'zod';
import {
  type CampaignProgress,
  type CampaignSummary,
  type Contact,
  type ImportSummary,
  type RecipientRow,
  type WhatsAppTemplate,
  Channel,
  ChannelMode,
  CountryCode,
  OutboxState,
} from './domain';
import {
  GeneralSettingsInput,
  type SettingsView,
  SmtpSettingsInput,
  type WhatsAppAccountInfo,
  WhatsAppSettingsInput,
} from './settings';

const Empty = z.object({}).strict();
const Id = z.number().int().positive();
/** Largest CSV accepted in one request, in characters (the streaming importer lifts this). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

/** A campaign being composed. Liquid templates (`{{ first_name | default: "there" }}`) everywhere. */
export const CampaignDraft = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
    channelMode: ChannelMode,
    /** Audience: every contact, or the contacts of one import. */
    audience: z.object({ importId: Id.optional() }).strict(),
    email: z
      .object({
        subject: z.string().trim().min(1, 'Write a subject line.').max(998),
        html: z.string().min(1, 'Write the email body.').max(2_000_000),
      })
      .optional(),
    whatsapp: z
      .object({
        templateId: Id,
        /** Placeholder key (`body.1`, `header.1`, `body.first_name`, `button.0.1`) → Liquid template. */
        parameters: z.record(z.string(), z.string().max(4096)),
      })
      .optional(),
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

/** Request schemas by channel. Every input arrives as `unknown` and is parsed with these. */
export const requestSchemas = {
  'app:info': Empty,
  'settings:get': Empty,
  'settings:saveGeneral': GeneralSettingsInput,
  'settings:saveWhatsApp': WhatsAppSettingsInput,
  'settings:saveSmtp': SmtpSettingsInput,
  'settings:testWhatsApp': Empty,
  'settings:testSmtp': Empty,
  'contacts:import': z.object({
    fileName: z.string().min(1).max(255),
    content: z.string().max(MAX_IMPORT_CHARS, 'The file is too large for this import path.'),
    defaultCountry: CountryCode.optional(),
  }),
  'contacts:list': z.object({
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset cursor: the last id of the previous page. */
    afterId: z.number().int().min(0).optional(),
  }),
  'contacts:imports': Empty,
  'templates:sync': Empty,
  'templates:list': Empty,
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

export type RequestChannel = keyof typeof requestSchemas;
/** What the caller passes (defaults optional). */
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;
/** What the handler receives after parsing. */
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>;

/** Output type by channel. */
export interface RequestOutputs {
  'app:info': { version: string; mode: 'electron' | 'browser'; dataDir: string };
  'settings:get': SettingsView;
  'settings:saveGeneral': SettingsView;
  'settings:saveWhatsApp': SettingsView;
  'settings:saveSmtp': SettingsView;
  'settings:testWhatsApp': WhatsAppAccountInfo;
  'settings:testSmtp': { ok: true; host: string };
  'contacts:import': ImportSummary;
  'contacts:list': { rows: Contact[]; total: number; nextAfterId: number | null };
  'contacts:imports': { id: number; fileName: string; imported: number; createdAt: number }[];
  'templates:sync': { synced: number; approved: number };
  'templates:list': WhatsAppTemplate[];
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
export type RequestOutput<C extends RequestChannel> = RequestOutputs[C];

/** Every channel has an output type and vice versa. */
type _Exhaustive = [
  Exclude<RequestChannel, keyof RequestOutputs>,
  Exclude<keyof RequestOutputs, RequestChannel>,
] extends [never, never]
  ? true
  : never;
export const _contractIsExhaustive: _Exhaustive = true;
