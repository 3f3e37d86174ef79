import { eq } from 'drizzle-orm';
import type {
  GeneralSettingsInput,
  SettingsView,
  SmtpSettingsInput,
  WhatsAppSettingsInput,
} from '../contract';
import type { CredentialStore, SecretKey } from '../credentials/store';
import type { Store } from '../store/db';
import { settings } from '../store/schema';
import { SMTP_DEFAULTS, type SmtpConfig, saveSmtp, smtpConfig, smtpView } from './smtp';
import {
  WHATSAPP_DEFAULTS,
  type WhatsAppConfig,
  saveWhatsApp,
  whatsappConfig,
  whatsappView,
} from './whatsapp';

export type { SmtpConfig } from './smtp';
export type { WhatsAppConfig } from './whatsapp';

const GENERAL_DEFAULTS: GeneralSettingsInput = { defaultCountry: 'GB' };

/**
 * Settings: plain values in the SQLite `settings` table (one JSON object per section), secrets in
 * the CredentialStore (OS keychain). Secret inputs: `undefined` keeps, `''` deletes, anything else
 * replaces. Channel specifics live in ./whatsapp.ts and ./smtp.ts.
 */
export class SettingsService {
  constructor(
    private readonly store: Store,
    readonly credentials: CredentialStore,
    private readonly dataDir: string,
  ) {}

  /** A section's saved object over its defaults. */
  read<T extends object>(section: string, defaults: T): T {
    const row = this.store.db.select().from(settings).where(eq(settings.key, section)).get();
    return { ...defaults, ...((row?.value as object | undefined) ?? {}) };
  }

  write(section: string, value: object): void {
    this.store.db
      .insert(settings)
      .values({ key: section, value, updatedAt: Date.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: Date.now() } })
      .run();
  }

  /** Applies the secret rule: `undefined` keeps, `''` deletes, else replaces. */
  async applySecret(key: SecretKey, value: string | undefined): Promise<void> {
    if (value === undefined) return;
    if (value === '') await this.credentials.delete(key);
    else await this.credentials.set(key, value);
  }

  general(): GeneralSettingsInput {
    return this.read('general', GENERAL_DEFAULTS);
  }

  /** The view the renderer gets: secrets reduced to booleans. */
  async view(): Promise<SettingsView> {
    const [whatsapp, smtp] = await Promise.all([whatsappView(this), smtpView(this)]);
    return {
      general: this.general(),
      whatsapp,
      smtp,
      dataDir: this.dataDir,
      keychain: this.credentials.describe(),
    };
  }

  async saveGeneral(input: GeneralSettingsInput): Promise<SettingsView> {
    this.write('general', input);
    return this.view();
  }

  async saveWhatsApp(input: WhatsAppSettingsInput): Promise<SettingsView> {
    await saveWhatsApp(this, input);
    return this.view();
  }

  async saveSmtp(input: SmtpSettingsInput): Promise<SettingsView> {
    await saveSmtp(this, input);
    return this.view();
  }

  /** Throws AppError('not_configured') naming what is missing. */
  whatsappConfig(): Promise<WhatsAppConfig> {
    return whatsappConfig(this);
  }

  /** Throws AppError('not_configured') naming what is missing. */
  smtpConfig(): Promise<SmtpConfig> {
    return smtpConfig(this);
  }
}

export { SMTP_DEFAULTS, WHATSAPP_DEFAULTS };
