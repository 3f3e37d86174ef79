import type { CredentialStore } from '../../credentials/store';
import { type OAuthClientConfig, type OAuthProviderId, endpointsFor, scopesFor } from './oauth-providers';

/** Why a token could not be had. `revoked`: the refresh token no longer works, sign in again. */
export type OAuthErrorKind = 'not_signed_in' | 'revoked' | 'client' | 'network' | 'provider';

/** A failed sign-in or refresh; `message` says what to do, in the user's words. */
export class OAuthError extends Error {
  constructor(
    readonly kind: OAuthErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/** Shown when the refresh token was revoked or expired (RFC 6749 §5.2 `invalid_grant`). */
export const SIGN_IN_AGAIN =
  'The email account sign-in has expired or was withdrawn: open Settings → Email and sign in again.';

/** What the keychain keeps for one signed-in account (`smtp.oauthGrant`, JSON). */
export interface StoredGrant {
  provider: OAuthProviderId;
  clientId: string;
  tenant: string;
  account: string | null;
  refreshToken: string;
}

/** An access token and when it expires (ms since epoch). */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

/** A token endpoint answer (RFC 6749 §5.1), the fields Herald reads. */
export interface TokenResponse {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
}

/** Refresh this long before the access token expires, in ms (clock skew, a slow SMTP session). */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const TOKEN_TIMEOUT_MS = 20_000;

/**
 * POSTs a form to the token endpoint (RFC 6749 §4.1.3 and §6). Throws OAuthError: `revoked` for
 * `invalid_grant` / `interaction_required`, `client` for a wrong client ID, secret or tenant,
 * `network` when the endpoint cannot be reached, `provider` for anything else.
 */
export async function tokenRequest(
  c: OAuthClientConfig,
  form: Record<string, string>,
): Promise<TokenResponse> {
  const body = new URLSearchParams({ ...form, client_id: c.clientId });
  if (c.clientSecret) body.set('client_secret', c.clientSecret);
  if (c.provider === 'microsoft') body.set('scope', scopesFor('microsoft'));
  let res: Response;
  try {
    res = await fetch(endpointsFor(c).token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (e) {
    throw new OAuthError('network', `Could not reach the sign-in service: ${(e as Error).message}`);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok && typeof json['access_token'] === 'string') return json as unknown as TokenResponse;
  const code = typeof json['error'] === 'string' ? json['error'] : `HTTP ${res.status}`;
  const said =
    typeof json['error_description'] === 'string' ? `: ${json['error_description'].split('\n')[0]}` : '';
  if (code === 'invalid_grant' || code === 'interaction_required')
    throw new OAuthError('revoked', SIGN_IN_AGAIN);
  if (code === 'invalid_client' || code === 'unauthorized_client' || code === 'invalid_request')
    throw new OAuthError(
      'client',
      `The sign-in service refused Herald's app registration (${code}${said}): check the client ID${c.provider === 'microsoft' ? ' and tenant' : ' and client secret'} in Settings → Email.`,
    );
  throw new OAuthError('provider', `The sign-in service answered ${code}${said}`);
}

/**
 * The mailbox named in an ID token (`email`, else Microsoft's `preferred_username`). The token
 * came straight from the token endpoint over TLS, so its signature need not be checked
 * (OpenID Connect Core §3.1.3.7, item 6).
 */
export function accountFromIdToken(idToken: string | undefined): string | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const name = claims['email'] ?? claims['preferred_username'];
    return typeof name === 'string' && name.includes('@') ? name : null;
  } catch {
    return null;
  }
}

/**
 * The OAuth tokens of the SMTP account, kept in the keychain. `accessToken()` returns a token valid
 * for at least REFRESH_MARGIN_MS, refreshing it (once, for all callers at the same time) when needed;
 * a rotated refresh token (Microsoft) replaces the stored one.
 */
export class OAuthTokens {
  private refreshing: Promise<AccessToken> | null = null;

  constructor(
    private readonly store: CredentialStore,
    private readonly client: OAuthClientConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored grant when it belongs to this provider and client ID, else null. */
  async grant(): Promise<StoredGrant | null> {
    const raw = await this.store.get('smtp.oauthGrant');
    if (!raw) return null;
    try {
      const g = JSON.parse(raw) as StoredGrant;
      const same = g.provider === this.client.provider && g.clientId === this.client.clientId;
      return same && typeof g.refreshToken === 'string' ? g : null;
    } catch {
      return null;
    }
  }

  /** Saves what a code exchange returned; throws OAuthError('provider') without a refresh token. */
  async saveFromCodeExchange(r: TokenResponse, loginHint: string | null): Promise<StoredGrant> {
    if (!r.refresh_token)
      throw new OAuthError(
        'provider',
        "The sign-in service gave no refresh token: remove Herald from the account's connected apps and sign in again.",
      );
    const grant: StoredGrant = {
      provider: this.client.provider,
      clientId: this.client.clientId,
      tenant: this.client.tenant,
      account: accountFromIdToken(r.id_token) ?? loginHint,
      refreshToken: r.refresh_token,
    };
    await this.store.set('smtp.oauthGrant', JSON.stringify(grant));
    await this.saveAccess(r);
    return grant;
  }

  /** A valid access token; `renew` forces a refresh (the server refused the current one). */
  async accessToken(renew = false): Promise<AccessToken> {
    if (!renew) {
      const cached = await this.cached();
      if (cached && cached.expiresAt - REFRESH_MARGIN_MS > this.now()) return cached;
    }
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Forgets the tokens. */
  async clear(): Promise<void> {
    await this.store.delete('smtp.oauthAccessToken');
    await this.store.delete('smtp.oauthGrant');
  }

  private async refresh(): Promise<AccessToken> {
    const grant = await this.grant();
    if (!grant)
      throw new OAuthError(
        'not_signed_in',
        'Email uses modern sign-in but no account is signed in: sign in in Settings → Email.',
      );
    const r = await tokenRequest(this.client, {
      grant_type: 'refresh_token',
      refresh_token: grant.refreshToken,
    });
    if (r.refresh_token && r.refresh_token !== grant.refreshToken)
      await this.store.set('smtp.oauthGrant', JSON.stringify({ ...grant, refreshToken: r.refresh_token }));
    return this.saveAccess(r);
  }

  private async saveAccess(r: TokenResponse): Promise<AccessToken> {
    // Without expires_in assume an hour, the lifetime both providers use (RFC 6749 §5.1 makes it optional).
    const access: AccessToken = {
      token: r.access_token,
      expiresAt: this.now() + (r.expires_in ?? 3600) * 1000,
    };
    await this.store.set('smtp.oauthAccessToken', JSON.stringify(access));
    return access;
  }

  private async cached(): Promise<AccessToken | null> {
    const raw = await this.store.get('smtp.oauthAccessToken');
    if (!raw || !(await this.grant())) return null;
    try {
      const a = JSON.parse(raw) as AccessToken;
      return typeof a.token === 'string' && typeof a.expiresAt === 'number' ? a : null;
    } catch {
      return null;
    }
  }
}
