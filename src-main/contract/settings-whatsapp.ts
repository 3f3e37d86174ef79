import { z } from 'zod';

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

/** "Test connection" result for WhatsApp: read from `GET /{phone-number-id}`. */
export interface WhatsAppAccountInfo {
  verifiedName: string;
  displayPhoneNumber: string;
  qualityRating: string;
  /** `TIER_250`, `TIER_2K`, … or null when the account does not report one. */
  messagingLimit: string | null;
  throughputLevel: string | null;
}
