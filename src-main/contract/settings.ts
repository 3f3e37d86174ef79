import { z } from 'zod';
import { CountryCode } from './domain';

/** Graph API version such as `v24.0` (whatsapp-cloud-api.md, "Versions and base URL"). */
export const GraphVersion = z.string().regex(/^v\d{2}\.\d$/, 'Use a Graph API version such as v24.0.');

/**
 * WhatsApp settings as saved. A secret field left `undefined` keeps the stored secret,
 * `''` removes it, any other value replaces it in the OS keychain.
 */
export const WhatsAppSettingsInput = z.object({
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'The phone number ID is the digits shown in WhatsApp Manager.')
    .or(z.literal('')),
  wabaId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'The WABA ID is the digits shown in WhatsApp Manager.')
    .or(z.literal('')),
  graphVersion: GraphVersion,
  baseUrl: z.url({ protocol: /^https?$/, error: 'Use an http(s) URL such as https://graph.facebook.com.' }),
  accessToken: z.string().max(4096).optional(),
  appSecret: z.string().max(512).optional(),
});
export type WhatsAppSettingsInput = z.infer<typeof WhatsAppSettingsInput>;

/** SMTP connection security: implicit TLS (465), STARTTLS (587), or none (localhost only). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** SMTP settings as saved; `password` follows the secret rule of WhatsAppSettingsInput. */
export const SmtpSettingsInput = z.object({
  host: z.string().trim().max(255),
  port: z.number().int().min(1).max(65535),
  security: SmtpSecurity,
  user: z.string().max(320),
  password: z.string().max(1024).optional(),
  fromName: z.string().max(200),
  fromAddress: z
    .email({ error: 'Enter the address messages are sent from, such as news@example.com.' })
    .or(z.literal('')),
});
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;

export const GeneralSettingsInput = z.object({ defaultCountry: CountryCode });
export type GeneralSettingsInput = z.infer<typeof GeneralSettingsInput>;

/** Settings as the renderer sees them: secrets reduced to "is it set". */
export interface SettingsView {
  general: { defaultCountry: string };
  whatsapp: Omit<WhatsAppSettingsInput, 'accessToken' | 'appSecret'> & {
    accessTokenSet: boolean;
    appSecretSet: boolean;
  };
  smtp: Omit<SmtpSettingsInput, 'password'> & { passwordSet: boolean };
  /** Where the data and secrets live, for the settings dialog's footer. */
  dataDir: string;
  keychain: string;
}

/** "Test connection" result for WhatsApp: read from `GET /{phone-number-id}`. */
export interface WhatsAppAccountInfo {
  verifiedName: string;
  displayPhoneNumber: string;
  qualityRating: string;
  /** `TIER_250`, `TIER_2K`, … or null when the account does not report one. */
  messagingLimit: string | null;
  throughputLevel: string | null;
}
