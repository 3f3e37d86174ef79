import { z } from 'zod';
import { CountryCode } from './domain';
import { type SmtpSettingsInput } from './settings-smtp';
import { type WhatsAppSettingsInput } from './settings-whatsapp';

export * from './settings-smtp';
export * from './settings-whatsapp';

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
