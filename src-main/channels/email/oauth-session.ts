import { AppError, type OAuthStatus } from '../../contract';
import type { SettingsService } from '../../settings/service';
import { SMTP_DEFAULTS, smtpOAuthClient } from '../../settings/smtp';
import { startSignIn, type PendingSignIn } from './oauth-flow';
import { type OAuthEndpoints, oauthProviderFor } from './oauth-providers';
import { OAuthError, OAuthTokens } from './oauth-tokens';

/**
 * The sign-in state of the SMTP account for the settings screen: at most one sign-in waits for the
 * browser at a time (starting another cancels it). After a sign-in, an empty user name in Settings
 * becomes the mailbox the identity provider named.
 */
export class OAuthSession {
  private pending: PendingSignIn | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly settings: SettingsService,
    /** Test override of the providers' endpoints. */
    private readonly endpoints?: OAuthEndpoints,
  ) {}

  /** Where sign-in stands; never throws for a missing client ID (signedIn is then false). */
  async status(): Promise<OAuthStatus> {
    const plain = this.settings.read('smtp', SMTP_DEFAULTS);
    const provider = oauthProviderFor(plain.provider);
    const clientSecretSet = (await this.settings.credentials.get('smtp.oauthClientSecret')) !== null;
    const base: OAuthStatus = {
      provider,
      signedIn: false,
      account: null,
      pending: this.pending !== null,
      lastError: this.lastError,
      clientSecretSet,
    };
    if (!provider || plain.oauthClientId === '') return base;
    const client = await smtpOAuthClient(this.settings, this.endpoints);
    const grant = client ? await new OAuthTokens(this.settings.credentials, client).grant() : null;
    return { ...base, signedIn: grant !== null, account: grant?.account ?? null };
  }

  /**
   * Starts a sign-in and returns the URL for the system browser. Throws AppError('not_configured')
   * without a client ID, AppError('invalid_input') for a provider without modern sign-in.
   */
  async start(): Promise<{ url: string }> {
    const client = await smtpOAuthClient(this.settings, this.endpoints);
    if (!client)
      throw new AppError(
        'invalid_input',
        'This provider has no modern sign-in: choose Microsoft 365, Outlook.com, Gmail or Google Workspace.',
      );
    this.pending?.cancel();
    this.lastError = null;
    const tokens = new OAuthTokens(this.settings.credentials, client);
    const user = this.settings.read('smtp', SMTP_DEFAULTS).user;
    const pending = await startSignIn(client, tokens, user ? { loginHint: user } : {});
    this.pending = pending;
    pending.done
      .then(
        (grant) => {
          const plain = this.settings.read('smtp', SMTP_DEFAULTS);
          if (plain.user === '' && grant.account)
            this.settings.write('smtp', { ...plain, user: grant.account });
        },
        (e: unknown) => {
          this.lastError = e instanceof OAuthError ? e.message : String(e);
        },
      )
      .finally(() => {
        if (this.pending === pending) this.pending = null;
      });
    return { url: pending.url };
  }

  /** Waits for the pending sign-in (if any) to end, then reports the status. */
  async wait(): Promise<OAuthStatus> {
    const p = this.pending;
    if (p)
      await p.done.then(
        () => undefined,
        () => undefined,
      );
    // Let the bookkeeping in start() run before reading the status.
    await new Promise<void>((r) => setImmediate(r));
    return this.status();
  }

  /** Cancels a pending sign-in. */
  async cancel(): Promise<OAuthStatus> {
    this.pending?.cancel();
    return this.wait();
  }

  /** Forgets the tokens (the user can also remove Herald's access at the provider). */
  async signOut(): Promise<OAuthStatus> {
    this.pending?.cancel();
    await this.settings.credentials.delete('smtp.oauthAccessToken');
    await this.settings.credentials.delete('smtp.oauthGrant');
    this.lastError = null;
    return this.wait();
  }
}
