import { eq } from 'drizzle-orm';
import {
  AppError,
  type GeneralSettingsInput,
  type SettingsView,
  type SmtpSettingsInput,
  type WhatsAppSettingsInput,
} from '../contract';
import type { CredentialStore, SecretKey } from '../credentials/store';
import type { Store } from '../store/db';
import { settings } from '../store/schema';

type WhatsAppPlain = Omit<WhatsAppSettingsInput, 'accessToken' | 'appSecret'>;
type SmtpPlain = Omit<SmtpSettingsInput, 'password'>;

const DEFAULTS = {
  general: { defaultCountry: 'GB' } satisfies GeneralSettingsInput,
  whatsapp: {
    phoneNumberId: '',
    wabaId: '',
    graphVersion: 'v24.0',
    baseUrl: 'https://graph.facebook.com',
  } satisfies WhatsAppPlain,
  smtp: {
    host: '',
    port: 587,
    security: 'starttls',
    user: '',
    fromName: '',
    fromAddress: '',
  } satisfies SmtpPlain,
};
type Section = keyof typeof DEFAULTS;

/** Everything the WhatsApp client needs, secrets included (main process only). */
export type WhatsAppConfig = WhatsAppPlain & { accessToken: string };
/** Everything the SMTP channel needs, secrets included (main process only). */
export type SmtpConfig = SmtpPlain & { password: string | null };

/**
 * Settings: plain values in the SQLite `settings` table, secrets in the CredentialStore (OS keychain).
 * Secret inputs: `undefined` keeps, `''` deletes, anything else replaces.
 */
export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly credentials: CredentialStore,
    private readonly dataDir: string,
  ) {}

  private read<S extends Section>(section: S): (typeof DEFAULTS)[S] {
    const row = this.store.db.select().from(settings).where(eq(settings.key, section)).get();
    return { ...DEFAULTS[section], ...((row?.value as object | undefined) ?? {}) };
  }

  private write(section: Section, value: object): void {
    this.store.db
      .insert(settings)
      .values({ key: section, value, updatedAt: Date.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: Date.now() } })
      .run();
  }

  private async applySecret(key: SecretKey, value: string | undefined): Promise<void> {
    if (value === undefined) return;
    if (value === '') await this.credentials.delete(key);
    else await this.credentials.set(key, value);
  }

  general(): GeneralSettingsInput {
    return this.read('general');
  }

  /** The view the renderer gets: secrets reduced to booleans. */
  async view(): Promise<SettingsView> {
    const [token, secret, password] = await Promise.all([
      this.credentials.get('whatsapp.accessToken'),
      this.credentials.get('whatsapp.appSecret'),
      this.credentials.get('smtp.password'),
    ]);
    return {
      general: this.read('general'),
      whatsapp: { ...this.read('whatsapp'), accessTokenSet: token !== null, appSecretSet: secret !== null },
      smtp: { ...this.read('smtp'), passwordSet: password !== null },
      dataDir: this.dataDir,
      keychain: this.credentials.describe(),
    };
  }

  async saveGeneral(input: GeneralSettingsInput): Promise<SettingsView> {
    this.write('general', input);
    return this.view();
  }

  async saveWhatsApp(input: WhatsAppSettingsInput): Promise<SettingsView> {
    const { accessToken, appSecret, ...plain } = input;
    await this.applySecret('whatsapp.accessToken', accessToken);
    await this.applySecret('whatsapp.appSecret', appSecret);
    this.write('whatsapp', { ...plain, baseUrl: plain.baseUrl.replace(/\/+$/, '') });
    return this.view();
  }

  async saveSmtp(input: SmtpSettingsInput): Promise<SettingsView> {
    const { password, ...plain } = input;
    await this.applySecret('smtp.password', password);
    this.write('smtp', plain);
    return this.view();
  }

  /** Throws AppError('not_configured') naming what is missing. */
  async whatsappConfig(): Promise<WhatsAppConfig> {
    const plain = this.read('whatsapp');
    const accessToken = await this.credentials.get('whatsapp.accessToken');
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

  /** Throws AppError('not_configured') naming what is missing. */
  async smtpConfig(): Promise<SmtpConfig> {
    const plain = this.read('smtp');
    const missing = [!plain.host && 'server host', !plain.fromAddress && 'from address'].filter(Boolean);
    if (missing.length > 0) {
      throw new AppError(
        'not_configured',
        `Email is not set up: add the ${missing.join(', ')} in Settings → Email.`,
      );
    }
    return { ...plain, password: plain.user ? await this.credentials.get('smtp.password') : null };
  }
}
