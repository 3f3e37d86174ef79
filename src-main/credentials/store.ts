/** The secrets Herald keeps; never stored in the database or settings file (DESIGN.md, Security). */
export type SecretKey =
  | 'whatsapp.accessToken'
  | 'whatsapp.appSecret'
  | 'smtp.password'
  /** Google "Desktop app" client secret (channels/email/oauth-providers.ts). */
  | 'smtp.oauthClientSecret'
  /** JSON: refresh token, provider, client and account it belongs to (channels/email/oauth-tokens.ts). */
  | 'smtp.oauthGrant'
  /** JSON: current access token and its expiry (ms since epoch). */
  | 'smtp.oauthAccessToken';

/** Every secret key, for callers that report which secrets are set (never their values). */
export const SECRET_KEYS: readonly SecretKey[] = [
  'whatsapp.accessToken',
  'whatsapp.appSecret',
  'smtp.password',
  'smtp.oauthClientSecret',
  'smtp.oauthGrant',
  'smtp.oauthAccessToken',
];

/**
 * Where secrets live. Values are opaque UTF-8 strings. Implementations throw
 * `AppError('keychain_unavailable', …)` when the backing store cannot be reached.
 */
export interface CredentialStore {
  /** The stored value, or null when the key was never set (or was deleted). */
  get(key: SecretKey): Promise<string | null>;
  /** Stores `value`, replacing any previous one. */
  set(key: SecretKey, value: string): Promise<void>;
  /** Removes the key; deleting a missing key is not an error. */
  delete(key: SecretKey): Promise<void>;
  /** Human-readable name of the backing store, e.g. "OS keychain (Secret Service)". */
  describe(): string;
}
