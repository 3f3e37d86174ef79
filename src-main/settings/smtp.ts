import { AppError, type SettingsView, type SmtpSettingsInput } from '../contract';
import type { SettingsService } from './service';

type SmtpPlain = Omit<SmtpSettingsInput, 'password'>;

/** Everything the SMTP channel needs, secrets included (main process only). */
export type SmtpConfig = SmtpPlain & { password: string | null };

export const SMTP_DEFAULTS: SmtpPlain = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  fromName: '',
  fromAddress: '',
  poolSize: 3,
  ratePerSec: 5,
  dailyCap: null,
};

/** SMTP settings for the renderer: the password reduced to a boolean. */
export async function smtpView(s: SettingsService): Promise<SettingsView['smtp']> {
  const password = await s.credentials.get('smtp.password');
  return { ...s.read('smtp', SMTP_DEFAULTS), passwordSet: password !== null };
}

/** Saves plain values to SQLite and the password to the keychain. */
export async function saveSmtp(s: SettingsService, input: SmtpSettingsInput): Promise<void> {
  const { password, ...plain } = input;
  await s.applySecret('smtp.password', password);
  s.write('smtp', plain);
}

/** The transport configuration; throws AppError('not_configured') naming what is missing. */
export async function smtpConfig(s: SettingsService): Promise<SmtpConfig> {
  const plain = s.read('smtp', SMTP_DEFAULTS);
  const missing = [!plain.host && 'server host', !plain.fromAddress && 'from address'].filter(Boolean);
  if (missing.length > 0) {
    throw new AppError(
      'not_configured',
      `Email is not set up: add the ${missing.join(', ')} in Settings → Email.`,
    );
  }
  return { ...plain, password: plain.user ? await s.credentials.get('smtp.password') : null };
}
