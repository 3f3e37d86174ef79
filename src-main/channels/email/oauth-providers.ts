import type { SmtpProvider } from '../../contract';
import { presetFor } from './presets';

/** The identity providers Herald can get SMTP tokens from. */
export type OAuthProviderId = 'google' | 'microsoft';

/** Where a provider's OAuth 2.0 endpoints are. Tests point these at a local fake. */
export interface OAuthEndpoints {
  authorize: string;
  token: string;
}

/** Everything a sign-in or a refresh needs from settings. */
export interface OAuthClientConfig {
  provider: OAuthProviderId;
  /** The organisation's own app registration. */
  clientId: string;
  /** Google "Desktop app" clients only; Microsoft public clients have none. */
  clientSecret: string | null;
  /** Microsoft directory; '' picks `organizations` (Microsoft 365) or `consumers` (Outlook.com). */
  tenant: string;
  /** Which preset chose the provider (decides the Microsoft default tenant). */
  smtpProvider: SmtpProvider;
  /** Overrides for tests; production uses the provider's published endpoints. */
  endpoints?: OAuthEndpoints;
}

/**
 * Scopes: Google's full-mail scope is the only one that allows SMTP (developers.google.com/gmail/imap/
 * xoauth2-protocol); Microsoft's `SMTP.Send` on outlook.office.com (learn.microsoft.com/exchange/
 * client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth).
 * `openid email` names the signed-in mailbox; `offline_access` asks Microsoft for a refresh token.
 */
const SCOPES: Record<OAuthProviderId, string> = {
  google: 'https://mail.google.com/ openid email',
  microsoft: 'https://outlook.office.com/SMTP.Send offline_access openid email',
};

/** The identity provider a preset signs in with, or null when it has none. */
export function oauthProviderFor(smtpProvider: SmtpProvider): OAuthProviderId | null {
  return presetFor(smtpProvider).oauth;
}

/** The tenant segment of Microsoft's endpoints (v2.0, learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow). */
export function microsoftTenant(c: Pick<OAuthClientConfig, 'tenant' | 'smtpProvider'>): string {
  if (c.tenant !== '') return c.tenant;
  return c.smtpProvider === 'outlook' ? 'consumers' : 'organizations';
}

/** The provider's authorisation and token endpoints. */
export function endpointsFor(c: OAuthClientConfig): OAuthEndpoints {
  if (c.endpoints) return c.endpoints;
  if (c.provider === 'google') {
    return {
      authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
      token: 'https://oauth2.googleapis.com/token',
    };
  }
  const base = `https://login.microsoftonline.com/${encodeURIComponent(microsoftTenant(c))}/oauth2/v2.0`;
  return { authorize: `${base}/authorize`, token: `${base}/token` };
}

/** The scope string to request. */
export function scopesFor(provider: OAuthProviderId): string {
  return SCOPES[provider];
}

/**
 * The loopback redirect URI (RFC 8252 §7.3). Google's desktop clients accept any port on
 * 127.0.0.1; Microsoft matches the registered `http://localhost` with any port, so it gets
 * `localhost` (the listener answers on both loopback addresses).
 */
export function redirectUriFor(provider: OAuthProviderId, port: number): string {
  return provider === 'google' ? `http://127.0.0.1:${port}/` : `http://localhost:${port}/`;
}

/** The authorisation request URL (RFC 6749 §4.1.1 with PKCE, RFC 7636 §4.3). */
export function authorizeUrl(
  c: OAuthClientConfig,
  args: { redirectUri: string; state: string; codeChallenge: string; loginHint?: string },
): string {
  const url = new URL(endpointsFor(c).authorize);
  const q = url.searchParams;
  q.set('client_id', c.clientId);
  q.set('response_type', 'code');
  q.set('redirect_uri', args.redirectUri);
  q.set('scope', scopesFor(c.provider));
  q.set('state', args.state);
  q.set('code_challenge', args.codeChallenge);
  q.set('code_challenge_method', 'S256');
  if (args.loginHint) q.set('login_hint', args.loginHint);
  if (c.provider === 'google') {
    // Without these Google returns a refresh token only on the very first consent.
    q.set('access_type', 'offline');
    q.set('prompt', 'consent');
  } else {
    q.set('prompt', 'select_account');
  }
  return url.toString();
}
