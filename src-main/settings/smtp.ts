import { AppError, type SettingsView, type SmtpSettingsInput } from '../contract';
import {
  type OAuthClientConfig,
  type OAuthEndpoints,
  oauthProviderFor,
} from '../channels/email/oauth-providers';
import { OAuthTokens } from '../channels/email/oauth-tokens';
import type { SettingsService } from './service';

type SmtpPlain = Omit<SmtpSettingsInput, 'password' | 'oauthClientSecret'>;

/** Modern sign-in for the SMTP account: the app registration and the keychain-backed tokens. */
export interface SmtpOAuth {
  client: OAuthClientConfig;
  tokens: OAuthTokens;
}

/**
 * Everything the SMTP channel needs, secrets included (main process only). `password` is set for
 * password sign-in with a user name; `oauth` for modern sign-in (then `password` is null).
 */
export type SmtpConfig = SmtpPlain & { password: string | null; oauth: SmtpOAuth | null };

export const SMTP_DEFAULTS: SmtpPlain = {
  provider: 'custom',
  host: '',
  port: 587,
  security: 'starttls',
  authMethod: 'password',
  user: '',
  oauthClientId: '',
  oauthTenant: '',
  fromName: '',
  fromAddress: '',
  replyTo: '',
  unsubscribeMailto: '',
  unsubscribeUrl: '',
  poolSize: 3,
  ratePerSec: 5,
  dailyCap: null,
};

/** SMTP settings for the renderer: the password reduced to a boolean. */
export async function smtpView(s: SettingsService): Promise<SettingsView['smtp']> {
  const password = await s.credentials.get('smtp.password');
  return { ...s.read('smtp', SMTP_DEFAULTS), passwordSet: password !== null };
}

/** Saves plain values to SQLite, the password and OAuth client secret to the keychain. */
export async function saveSmtp(s: SettingsService, input: SmtpSettingsInput): Promise<void> {
  const { password, oauthClientSecret, ...plain } = input;
  await s.applySecret('smtp.password', password);
  await s.applySecret('smtp.oauthClientSecret', oauthClientSecret);
  s.write('smtp', plain);
}

/**
 * The OAuth client from settings, or null when the preset has no modern sign-in.
 * Throws AppError('not_configured') when the client ID is missing.
 */
export async function smtpOAuthClient(
  s: SettingsService,
  endpoints?: OAuthEndpoints,
): Promise<OAuthClientConfig | null> {
  const plain = s.read('smtp', SMTP_DEFAULTS);
  const provider = oauthProviderFor(plain.provider);
  if (!provider) return null;
  if (plain.oauthClientId === '')
    throw new AppError(
      'not_configured',
      `Enter the client ID of your organisation's ${provider === 'google' ? 'Google Cloud' : 'Microsoft Entra'} app registration in Settings → Email (see docs/email-oauth.md).`,
    );
  return {
    provider,
    clientId: plain.oauthClientId,
    clientSecret: await s.credentials.get('smtp.oauthClientSecret'),
    tenant: plain.oauthTenant,
    smtpProvider: plain.provider,
    ...(endpoints ? { endpoints } : {}),
  };
}

/** The transport configuration; throws AppError('not_configured') naming what is missing. */
export async function smtpConfig(s: SettingsService, endpoints?: OAuthEndpoints): Promise<SmtpConfig> {
  const plain = s.read('smtp', SMTP_DEFAULTS);
  const oauth = plain.authMethod === 'oauth';
  const missing = [
    !plain.host && 'server host',
    !plain.fromAddress && 'from address',
    oauth && !plain.user && 'account (user name)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new AppError(
      'not_configured',
      `Email is not set up: add the ${missing.join(', ')} in Settings → Email.`,
    );
  }
  if (oauth) {
    const client = await smtpOAuthClient(s, endpoints);
    if (!client) throw new AppError('not_configured', 'This provider has no modern sign-in: use a password.');
    return { ...plain, password: null, oauth: { client, tokens: new OAuthTokens(s.credentials, client) } };
  }
  return { ...plain, password: plain.user ? await s.credentials.get('smtp.password') : null, oauth: null };
}
