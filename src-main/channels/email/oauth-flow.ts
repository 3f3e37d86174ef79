import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OAuthClientConfig, authorizeUrl, redirectUriFor } from './oauth-providers';
import { OAuthError, type OAuthTokens, type StoredGrant, tokenRequest } from './oauth-tokens';

/** How long a sign-in waits for the browser, in ms. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** A PKCE pair (RFC 7636 §4.1–4.2): a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A sign-in waiting for the browser to come back to the loopback redirect. */
export interface PendingSignIn {
  /** Open this in the system browser. */
  url: string;
  /** Resolves with the stored grant; rejects with OAuthError (refused, timed out, cancelled). */
  done: Promise<StoredGrant>;
  cancel(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui,sans-serif;max-width:32em;margin:4em auto;line-height:1.5">` +
  `<h1 style="font-size:1.4em">${title}</h1><p>${text}</p></body>`;

/**
 * Starts an authorisation-code sign-in with PKCE through the system browser (RFC 8252): listens on
 * a random loopback port, builds the authorisation URL, and, when the browser is redirected back
 * with `code` and the matching `state`, exchanges the code and stores the tokens. The listener
 * answers only its own redirect and closes after the first answer or `timeoutMs`.
 */
export async function startSignIn(
  client: OAuthClientConfig,
  tokens: OAuthTokens,
  opts: { loginHint?: string; timeoutMs?: number } = {},
): Promise<PendingSignIn> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  let settle: { resolve: (g: StoredGrant) => void; reject: (e: OAuthError) => void } | null = null;
  const done = new Promise<StoredGrant>((resolve, reject) => (settle = { resolve, reject }));
  done.catch(() => undefined); // callers may only cancel; the rejection is theirs to read

  const servers: Server[] = [];
  let redirectUri = '';
  const finish = (e: OAuthError | null, grant?: StoredGrant) => {
    clearTimeout(timer);
    for (const s of servers) s.close();
    if (e) settle?.reject(e);
    else if (grant) settle?.resolve(grant);
    settle = null;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', redirectUri);
    const q = url.searchParams;
    if (url.pathname !== '/' || q.get('state') !== state || !settle) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const html = (status: number, title: string, text: string) =>
      res
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(PAGE(title, text));
    const error = q.get('error');
    const code = q.get('code');
    if (error || !code) {
      const why = q.get('error_description') ?? error ?? 'no authorisation code';
      html(400, 'Sign-in did not complete', 'Herald was not given access. Return to Herald and try again.');
      finish(
        new OAuthError(
          error === 'access_denied' ? 'revoked' : 'provider',
          `Sign-in did not complete: ${why}`,
        ),
      );
      return;
    }
    html(
      200,
      'Signed in',
      'Herald can now send email from this account. You can close this tab and return to Herald.',
    );
    tokenRequest(client, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    })
      .then((r) => tokens.saveFromCodeExchange(r, opts.loginHint ?? null))
      .then(
        (grant) => finish(null, grant),
        (e: unknown) => finish(e instanceof OAuthError ? e : new OAuthError('provider', String(e))),
      );
  };

  const primary = createServer(onRequest);
  servers.push(primary);
  await new Promise<void>((resolve, reject) => {
    primary.once('error', reject);
    primary.listen(0, '127.0.0.1', resolve);
  });
  const port = (primary.address() as AddressInfo).port;
  redirectUri = redirectUriFor(client.provider, port);
  if (client.provider === 'microsoft') {
    // `localhost` may resolve to ::1 first; answer there too when the port is free (RFC 8252 §8.3).
    const v6 = createServer(onRequest);
    v6.on('error', () => undefined);
    v6.listen(port, '::1');
    servers.push(v6);
  }
  const timer = setTimeout(
    () =>
      finish(
        new OAuthError(
          'provider',
          'Sign-in timed out: the browser did not come back to Herald within 5 minutes.',
        ),
      ),
    opts.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
  );
  timer.unref();
  const url = authorizeUrl(client, {
    redirectUri,
    state,
    codeChallenge: challenge,
    loginHint: opts.loginHint,
  });
  return { url, done, cancel: () => finish(new OAuthError('provider', 'Sign-in cancelled.')) };
}
