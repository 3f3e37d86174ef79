import {
  AppError,
  type SettingsView,
  type WhatsAppAccountInfo,
  type WhatsAppSettingsInput,
} from '../contract';
import { assessAccount } from '../channels/whatsapp/health';
import type { PhoneNumberInfo } from '../channels/whatsapp/types';
import type { SettingsService } from './service';

type WhatsAppPlain = Omit<WhatsAppSettingsInput, 'accessToken' | 'appSecret'>;

/** Everything the WhatsApp client needs, secrets included (main process only). */
export type WhatsAppConfig = WhatsAppPlain & { accessToken: string };

export const WHATSAPP_DEFAULTS: WhatsAppPlain = {
  phoneNumberId: '',
  wabaId: '',
  graphVersion: 'v24.0',
  baseUrl: 'https://graph.facebook.com',
};

/** WhatsApp settings for the renderer: secrets reduced to booleans. */
export async function whatsappView(s: SettingsService): Promise<SettingsView['whatsapp']> {
  const [token, secret] = await Promise.all([
    s.credentials.get('whatsapp.accessToken'),
    s.credentials.get('whatsapp.appSecret'),
  ]);
  return {
    ...s.read('whatsapp', WHATSAPP_DEFAULTS),
    accessTokenSet: token !== null,
    appSecretSet: secret !== null,
  };
}

/** Saves plain values to SQLite and the token and app secret to the keychain. */
export async function saveWhatsApp(s: SettingsService, input: WhatsAppSettingsInput): Promise<void> {
  const { accessToken, appSecret, ...plain } = input;
  await s.applySecret('whatsapp.accessToken', accessToken);
  await s.applySecret('whatsapp.appSecret', appSecret);
  s.write('whatsapp', { ...plain, baseUrl: plain.baseUrl.replace(/\/+$/, '') });
}

/** The client configuration; throws AppError('not_configured') naming what is missing. */
export async function whatsappConfig(s: SettingsService): Promise<WhatsAppConfig> {
  const plain = s.read('whatsapp', WHATSAPP_DEFAULTS);
  const accessToken = await s.credentials.get('whatsapp.accessToken');
  const missing = [
    !plain.phoneNumberId && 'phone number ID',
    !plain.wabaId && 'WABA ID',
    !accessToken && 'access token',
  ].filter(Boolean);
  if (missing.length > 0 || !accessToken) {
    throw new AppError(
      'not_configured',
      `WhatsApp is not set up: add the ${missing.join(', ')} in Settings → WhatsApp.`,
    );
  }
  return { ...plain, accessToken };
}

/** "Test connection" facts of the number plus the pre-flight verdict (problems, warnings). */
export function accountInfo(info: PhoneNumberInfo): WhatsAppAccountInfo {
  const { problems, warnings } = assessAccount(info);
  return {
    verifiedName: info.verifiedName,
    displayPhoneNumber: info.displayPhoneNumber,
    qualityRating: info.qualityRating,
    messagingLimit: info.messagingLimit,
    throughputLevel: info.throughputLevel,
    health: info.healthStatus?.canSendMessage ?? null,
    status: info.status,
    codeVerificationStatus: info.codeVerificationStatus,
    nameStatus: info.nameStatus,
    problems,
    warnings,
  };
}
