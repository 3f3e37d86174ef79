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

/** "Test connection" result for WhatsApp: read from `GET /{phone-number-id}` (with `health_status`). */
export interface WhatsAppAccountInfo {
  verifiedName: string;
  displayPhoneNumber: string;
  /** GREEN | YELLOW | RED | UNKNOWN. */
  qualityRating: string;
  /** `TIER_250`, `TIER_2K`, … or null when the account does not report one. */
  messagingLimit: string | null;
  /** STANDARD (80 msg/s) | HIGH (up to 1,000 msg/s). */
  throughputLevel: string | null;
  /** `health_status.can_send_message`: AVAILABLE | LIMITED | BLOCKED; null when not reported. */
  health: string | null;
  /** The number's `status` (CONNECTED, FLAGGED, RESTRICTED, …) and verification states. */
  status: string | null;
  codeVerificationStatus: string | null;
  nameStatus: string | null;
  /** What blocks or limits sending, with Meta's possible solution. */
  problems: string[];
  /** Non-blocking warnings (quality not GREEN, LIMITED health, number status). */
  warnings: string[];
}

/**
 * Why a WhatsApp call failed, for the settings banner, from the classified error's `code` and
 * `subcode` (whatsapp-cloud-api.md, "Errors"): 190/463 expired token, 0/190 invalid token,
 * 3/10/200–299/131005 missing permission, 100/33 wrong IDs.
 */
export function whatsappCredentialProblem(
  code: number | undefined,
  subcode?: number,
): 'token_expired' | 'token_invalid' | 'permission' | 'wrong_id' | null {
  if (code === undefined) return null;
  if (code === 190 && (subcode === 463 || subcode === 460)) return 'token_expired';
  if (code === 0 || code === 190) return 'token_invalid';
  if (code === 3 || code === 10 || (code >= 200 && code <= 299) || code === 131005) return 'permission';
  if (code === 33 || (code === 100 && subcode === 33)) return 'wrong_id';
  return null;
}
