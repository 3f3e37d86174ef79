import { z } from 'zod';

/** SMTP connection security: implicit TLS (465), STARTTLS (587), or none (localhost only). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** The provider presets (src-main/channels/email/presets.ts); `custom` = any other server. */
export const SmtpProvider = z.enum([
  'custom',
  'gmail',
  'google_workspace',
  'microsoft365',
  'outlook',
  'yahoo',
  'icloud',
  'zoho',
]);
export type SmtpProvider = z.infer<typeof SmtpProvider>;

/** How Herald signs in to the SMTP server: a password (AUTH PLAIN/LOGIN) or OAuth 2.0 (XOAUTH2). */
export const SmtpAuthMethod = z.enum(['password', 'oauth']);
export type SmtpAuthMethod = z.infer<typeof SmtpAuthMethod>;

/** Providers whose SMTP servers accept XOAUTH2 with tokens Herald can obtain itself. */
export const OAUTH_PROVIDERS: readonly SmtpProvider[] = [
  'gmail',
  'google_workspace',
  'microsoft365',
  'outlook',
];

const optionalEmail = (message: string) => z.email({ error: message }).or(z.literal('')).default('');

/**
 * SMTP settings as saved; `password` and `oauthClientSecret` follow the secret rule of
 * WhatsAppSettingsInput (`undefined` keeps, `''` deletes, else replaces).
 */
export const SmtpSettingsInput = z
  .object({
    /** The preset the user started from; only decides which sign-in options are offered. */
    provider: SmtpProvider.default('custom'),
    host: z.string().trim().max(255),
    port: z.number().int().min(1).max(65535),
    security: SmtpSecurity,
    authMethod: SmtpAuthMethod.default('password'),
    /** Account name; with OAuth, the mailbox address the tokens belong to. */
    user: z.string().max(320),
    password: z.string().max(1024).optional(),
    /** The organisation's own app registration (Microsoft Entra ID or Google Cloud): its client ID. */
    oauthClientId: z.string().trim().max(200).default(''),
    /** Microsoft only: the directory (tenant) ID or domain; `organizations` or `common` also work. */
    oauthTenant: z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9.-]*$/, 'Enter the tenant ID (a GUID) or domain, such as contoso.onmicrosoft.com.')
      .default(''),
    /** Google "Desktop app" clients come with a client secret that Google requires but does not treat as secret. */
    oauthClientSecret: z.string().max(1024).optional(),
    fromName: z.string().max(200),
    fromAddress: z
      .email({ error: 'Enter the address messages are sent from, such as news@example.com.' })
      .or(z.literal('')),
    /** Where replies go when not to the From address. */
    replyTo: optionalEmail('Enter the address replies should go to, or leave it empty.'),
    /** Address for mailto unsubscribe requests (RFC 2369); empty = the From address. */
    unsubscribeMailto: optionalEmail('Enter the address unsubscribe requests go to, or leave it empty.'),
    /**
     * HTTPS page that unsubscribes a recipient, with Liquid variables (`{{ email }}`), also used for
     * one-click unsubscribe (RFC 8058); empty = mailto only.
     */
    unsubscribeUrl: z
      .string()
      .trim()
      .max(2000)
      .refine((u) => u === '' || /^https:\/\/[^\s/?#]+\.[^\s/?#]+([/?#].*)?$/i.test(u), {
        message: 'Enter an https:// address, such as https://example.org/unsubscribe?email={{ email }}.',
      })
      .default(''),
    /** Connections in the pool. */
    poolSize: z.number().int().min(1).max(20).default(3),
    /** Pacing, messages/s. */
    ratePerSec: z.number().positive().max(1000).default(5),
    /** The provider's cap of recipients per rolling 24 h (quota manager); null = no cap known. */
    dailyCap: z.number().int().positive().nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.authMethod !== 'oauth') return;
    if (!OAUTH_PROVIDERS.includes(s.provider))
      ctx.addIssue({
        code: 'custom',
        path: ['authMethod'],
        message: 'Modern sign-in works with Microsoft 365, Outlook.com, Gmail and Google Workspace.',
      });
  });
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;

/** A provider preset as the settings screen shows it. */
export interface SmtpPreset {
  id: SmtpProvider;
  label: string;
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Recipients per rolling 24 h the provider allows one account; null = not published. */
  dailyCap: number | null;
  /** A pace that stays under the provider's per-minute limits, messages/s. */
  ratePerSec: number;
  /** Parallel connections the provider tolerates. */
  poolSize: number;
  /** Which modern sign-in the provider offers, if any. */
  oauth: 'google' | 'microsoft' | null;
  /** What to enter as the password (app passwords) and where the numbers come from. */
  note: string;
  /** The provider's help page for app passwords or SMTP settings. */
  helpUrl: string | null;
}
