import { Empty } from './common';
import {
  GeneralSettingsInput,
  type SettingsView,
  SmtpSettingsInput,
  type WhatsAppAccountInfo,
  WhatsAppSettingsInput,
} from './settings';

/** app:* and settings:* request schemas. */
export const appRequests = {
  'app:info': Empty,
  'settings:get': Empty,
  'settings:saveGeneral': GeneralSettingsInput,
  'settings:saveWhatsApp': WhatsAppSettingsInput,
  'settings:saveSmtp': SmtpSettingsInput,
  'settings:testWhatsApp': Empty,
  'settings:testSmtp': Empty,
} as const;

/** Outputs of {@link appRequests}. */
export interface AppOutputs {
  'app:info': { version: string; mode: 'electron' | 'browser'; dataDir: string };
  'settings:get': SettingsView;
  'settings:saveGeneral': SettingsView;
  'settings:saveWhatsApp': SettingsView;
  'settings:saveSmtp': SettingsView;
  'settings:testWhatsApp': WhatsAppAccountInfo;
  'settings:testSmtp': { ok: true; host: string };
}
