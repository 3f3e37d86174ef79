import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HeraldApp, createApp } from '../../src-main/app';
import { startSignIn } from '../../src-main/channels/email/oauth-flow';
import { type OAuthClientConfig, authorizeUrl } from '../../src-main/channels/email/oauth-providers';
import { OAuthError, OAuthTokens, SIGN_IN_AGAIN } from '../../src-main/channels/email/oauth-tokens';
import { openEmailSender } from '../../src-main/channels/email/sender';
import type { RequestChannel, RequestInput, RequestOutput } from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import type { RenderContact } from '../../src-main/sending/render';
import { SMTP_DEFAULTS, type SmtpConfig } from '../../src-main/settings/smtp';
import { contactVariables } from '../../src-main/templates';
import { prepareEmail, renderEmail } from '../../src-main/templates/email-render';
import { type FakeOAuth, completeInBrowser, startFakeOAuth } from '../support/fake-oauth';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

const ACCOUNT = 'office@contoso.example';
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function fakeIdp(opts: Partial<Parameters<typeof startFakeOAuth>[0]> = {}): Promise<FakeOAuth> {
  const f = await startFakeOAuth({ clientId: 'client-1', account: ACCOUNT, ...opts });
  cleanup.push(() => f.close());
  return f;
}

function client(f: FakeOAuth, over: Partial<OAuthClientConfig> = {}): OAuthClientConfig {
  return {
    provider: 'microsoft',
    clientId: 'client-1',
    clientSecret: null,
    tenant: 'contoso.onmicrosoft.com',
    smtpProvider: 'microsoft365',
    endpoints: f.endpoints,
    ...over,
  };
}

async function signIn(f: FakeOAuth, c: OAuthClientConfig, store = new MemoryCredentialStore()) {
  const tokens = new OAuthTokens(store, c);
  const pending = await startSignIn(c, tokens);
  const page = await completeInBrowser(pending.url);
  const grant = await pending.done;
  return { tokens, store, grant, page, pending };
}

const zoe: RenderContact = {
  id: 1,
  firstName: 'Zoë',
  lastName: null,
  email: 'zoe@example.com',
  phone: null,
  attributes: {},
};
const mail = {
  email: renderEmail(
    prepareEmail({
      subject: 'Hi {{ first_name }}',
      html: '<p>Hi</p>',
      attachments: [],
      attachmentFolder: '',
      attachmentColumn: '',
    }),
    contactVariables(zoe),
  ),
  whatsapp: null,
};

describe('OAuth sign-in through the system browser (PKCE, loopback redirect)', () => {
  it('builds an authorisation request with S256 PKCE, state and the provider extras', () => {
    const url = new URL(
      authorizeUrl(
        { provider: 'google', clientId: 'abc', clientSecret: null, tenant: '', smtpProvider: 'gmail' },
        { redirectUri: 'http://127.0.0.1:5000/', state: 'st', codeChallenge: 'ch' },
      ),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'abc',
      response_type: 'code',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
      access_type: 'offline',
      scope: 'https://mail.google.com/ openid email',
    });
    const ms = new URL(
      authorizeUrl(
        {
          provider: 'microsoft',
          clientId: 'abc',
          clientSecret: null,
          tenant: '',
          smtpProvider: 'microsoft365',
        },
        { redirectUri: 'http://localhost:5000/', state: 'st', codeChallenge: 'ch' },
      ),
    );
    expect(ms.pathname).toBe('/organizations/oauth2/v2.0/authorize');
    expect(ms.searchParams.get('scope')).toContain('https://outlook.office.com/SMTP.Send offline_access');
  });

  it('exchanges the code with the verifier and keeps the tokens and account in the keychain', async () => {
    const f = await fakeIdp();
    const { grant, page, store } = await signIn(f, client(f));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Signed in');
    expect(grant).toMatchObject({ provider: 'microsoft', clientId: 'client-1', account: ACCOUNT });
    expect(JSON.parse((await store.get('smtp.oauthGrant'))!)).toMatchObject({ account: ACCOUNT });
    expect(f.tokenCalls).toEqual([{ grantType: 'authorization_code', status: 200 }]);
  });

  it('ignores a redirect with the wrong state and reports a refusal', async () => {
    const f = await fakeIdp();
    const c = client(f);
    const pending = await startSignIn(c, new OAuthTokens(new MemoryCredentialStore(), c));
    const redirect = new URL(pending.url).searchParams.get('redirect_uri')!.replace('localhost', '127.0.0.1');
    const forged = await fetch(`${redirect}?code=stolen&state=wrong`);
    expect(forged.status).toBe(404);
    f.denyNext();
    const page = await completeInBrowser(pending.url);
    expect(page.status).toBe(400);
    await expect(pending.done).rejects.toThrow(/Sign-in did not complete: The user declined/);
    expect(f.tokenCalls).toEqual([]);
  });

  it('sends the Google client secret, and reuses an access token until it nears expiry', async () => {
    const f = await fakeIdp({ clientSecret: 'gsecret', expiresIn: 3600 });
    const { tokens } = await signIn(
      f,
      client(f, { provider: 'google', clientSecret: 'gsecret', smtpProvider: 'gmail' }),
    );
    const a = await tokens.accessToken();
    expect(await tokens.accessToken()).toEqual(a);
    expect(f.tokenCalls.filter((c) => c.grantType === 'refresh_token')).toHaveLength(0);
    const renewed = await tokens.accessToken(true);
    expect(renewed.token).not.toBe(a.token);
  });

  it('refreshes a token that expires within the margin, once for concurrent callers, keeping a rotated refresh token', async () => {
    const f = await fakeIdp({ expiresIn: 60, rotateRefreshTokens: true }); // 60 s < the 5 min margin
    const { tokens, store, grant } = await signIn(f, client(f));
    const [x, y] = await Promise.all([tokens.accessToken(), tokens.accessToken()]);
    expect(x).toEqual(y);
    expect(f.tokenCalls.filter((c) => c.grantType === 'refresh_token')).toEqual([
      { grantType: 'refresh_token', status: 200 },
    ]);
    const stored = JSON.parse((await store.get('smtp.oauthGrant'))!) as { refreshToken: string };
    expect(stored.refreshToken).not.toBe(grant.refreshToken);
    await tokens.accessToken(); // works with the rotated token
    expect(f.tokenCalls.at(-1)).toEqual({ grantType: 'refresh_token', status: 200 });
  });

  it('says "sign in again" when the refresh token was revoked', async () => {
    const f = await fakeIdp({ expiresIn: 60 });
    const { tokens } = await signIn(f, client(f));
    f.revokeAll();
    const e = await tokens.accessToken().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OAuthError);
    expect(e).toMatchObject({ kind: 'revoked', message: SIGN_IN_AGAIN });
  });
});

describe('XOAUTH2 against smtp-server', () => {
  async function setup(expiresIn = 3600) {
    const f = await fakeIdp({ expiresIn });
    const s: SmtpSink = await startSmtpSink({ oauth: { user: ACCOUNT, isValid: (t) => f.isValid(t) } });
    cleanup.push(() => s.close());
    const c = client(f);
    const { tokens } = await signIn(f, c);
    const config: SmtpConfig = {
      ...SMTP_DEFAULTS,
      provider: 'microsoft365',
      authMethod: 'oauth',
      host: '127.0.0.1',
      port: s.port,
      security: 'none',
      user: ACCOUNT,
      fromAddress: ACCOUNT,
      password: null,
      oauth: { client: c, tokens },
    };
    const sender = openEmailSender(config);
    cleanup.push(() => sender.close());
    return { f, s, sender };
  }
  const row = (id: number) => ({
    id,
    channel: 'email' as const,
    address: 'zoe@example.com',
    attempts: 1,
    contact: zoe,
  });

  it('signs in with the access token and delivers', async () => {
    const { s, sender } = await setup();
    expect(await sender.send(row(1), mail)).toMatchObject({ ok: true });
    await s.waitFor(1);
    expect(s.logins).toEqual([{ method: 'XOAUTH2', user: ACCOUNT }]);
  });

  it('gets a fresh token when the server refuses the current one', async () => {
    const { f, s, sender } = await setup();
    f.invalidateAccessTokens(); // the cached token looks valid to Herald but the server refuses it
    expect(await sender.send(row(1), mail)).toMatchObject({ ok: true });
    await s.waitFor(1);
    expect(f.tokenCalls.at(-1)).toEqual({ grantType: 'refresh_token', status: 200 });
  });

  it('pauses with "sign in again" when the refresh token is revoked', async () => {
    const { f, s, sender } = await setup(60);
    f.revokeAll();
    expect(await sender.send(row(1), mail)).toEqual({
      ok: false,
      action: 'PAUSE',
      code: 'oauth_revoked',
      message: SIGN_IN_AGAIN,
    });
    expect(s.messages).toHaveLength(0);
  });
});

describe('email:* sign-in handlers', () => {
  let app: HeraldApp;
  async function call<C extends RequestChannel>(
    channel: C,
    input: RequestInput<C>,
  ): Promise<RequestOutput<C>> {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as RequestOutput<C>;
  }

  it('signs in, fills the account, tests the connection with XOAUTH2, sends a test email, signs out', async () => {
    const f = await fakeIdp();
    const s = await startSmtpSink({ oauth: { user: ACCOUNT, isValid: (t) => f.isValid(t) } });
    cleanup.push(() => s.close());
    const dir = mkdtempSync(join(tmpdir(), 'herald-oauth-'));
    const opened: string[] = [];
    app = await createApp({
      dataDir: dir,
      migrationsDir: 'migrations',
      credentials: new MemoryCredentialStore(),
      mode: 'electron',
      version: 'test',
      email: { oauthEndpoints: f.endpoints, openExternal: async (url) => void opened.push(url) },
    });
    cleanup.push(async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await call('settings:saveSmtp', {
      provider: 'microsoft365',
      host: '127.0.0.1',
      port: s.port,
      security: 'none',
      authMethod: 'oauth',
      user: '',
      oauthClientId: 'client-1',
      oauthTenant: 'contoso.onmicrosoft.com',
      fromName: 'Contoso',
      fromAddress: ACCOUNT,
    });
    expect(await call('email:oauthStatus', {})).toMatchObject({ provider: 'microsoft', signedIn: false });
    const started = await call('email:oauthStart', {});
    expect(started.openedInBrowser).toBe(true);
    expect(opened).toEqual([started.url]);
    await completeInBrowser(started.url);
    const status = await call('email:oauthWait', {});
    expect(status).toMatchObject({ signedIn: true, account: ACCOUNT, pending: false, lastError: null });
    expect((await call('settings:get', {})).smtp.user).toBe(ACCOUNT);

    expect(await call('settings:testSmtp', {})).toEqual({ ok: true, host: '127.0.0.1' });
    const sent = await call('email:sendTest', {
      email: { subject: 'Hello {{ first_name }}', html: '<p>Hi {{ first_name }}</p>' },
    });
    expect(sent).toMatchObject({ to: ACCOUNT, subject: '[Test] Hello Alex', contactName: 'Alex Sample' });
    await s.waitFor(1);
    expect(s.messages[0]!.messageId).toMatch(/^<herald-test-\d+\./);

    expect(await call('email:oauthSignOut', {})).toMatchObject({ signedIn: false });
    const r = await app.dispatch('settings:testSmtp', {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'remote_error', message: expect.stringMatching(/sign in/) },
    });
  });
});
