import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of the fake identity provider. */
export interface FakeOAuthOptions {
  clientId: string;
  /** When set, the token endpoint requires it (Google "Desktop app" clients). */
  clientSecret?: string;
  /** The mailbox put in the ID token's `email` claim. */
  account: string;
  /** Access token lifetime, seconds (default 3600). */
  expiresIn?: number;
  /** Issue a new refresh token on every refresh (Microsoft does). */
  rotateRefreshTokens?: boolean;
}

/** One request the token endpoint answered. */
export interface TokenCall {
  grantType: string;
  status: number;
}

/**
 * A local OAuth 2.0 authorisation server on 127.0.0.1 with the two endpoints Herald uses:
 * `GET /authorize` consents at once and redirects to the loopback `redirect_uri` with a code
 * (RFC 6749 §4.1.2), or with `error=access_denied` after `denyNext()`; `POST /token` exchanges a
 * code only with the matching PKCE verifier (RFC 7636 §4.6) and redirect URI, and refreshes with
 * a refresh token unless it was revoked (`invalid_grant`, RFC 6749 §5.2).
 */
export interface FakeOAuth {
  endpoints: { authorize: string; token: string };
  tokenCalls: TokenCall[];
  /** Whether an access token was issued, is unexpired and not revoked (for the SMTP sink). */
  isValid(accessToken: string): boolean;
  /** Revokes every refresh and access token issued so far. */
  revokeAll(): void;
  /** Makes every access token issued so far invalid (as if expired early), refresh tokens stay. */
  invalidateAccessTokens(): void;
  /** The next authorisation request is refused by the "user". */
  denyNext(): void;
  close(): Promise<void>;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
}

function body(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

const token = () => randomBytes(18).toString('base64url');

/** Starts the fake on a random port; `close()` it after the test. */
export async function startFakeOAuth(opts: FakeOAuthOptions): Promise<FakeOAuth> {
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Set<string>();
  const accessTokens = new Map<string, number>(); // token → expiry (ms)
  const tokenCalls: TokenCall[] = [];
  let deny = false;

  const issue = (refresh: string | null) => {
    const access = token();
    const expiresIn = opts.expiresIn ?? 3600;
    accessTokens.set(access, Date.now() + expiresIn * 1000);
    const idPayload = Buffer.from(JSON.stringify({ email: opts.account, aud: opts.clientId })).toString(
      'base64url',
    );
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: expiresIn,
      ...(refresh ? { refresh_token: refresh } : {}),
      id_token: `e30.${idPayload}.`,
    };
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirect = new URL(q.get('redirect_uri') ?? '');
      redirect.searchParams.set('state', q.get('state') ?? '');
      if (q.get('client_id') !== opts.clientId || q.get('code_challenge_method') !== 'S256') {
        redirect.searchParams.set('error', 'invalid_request');
      } else if (deny) {
        deny = false;
        redirect.searchParams.set('error', 'access_denied');
        redirect.searchParams.set('error_description', 'The user declined.');
      } else {
        const code = token();
        codes.set(code, {
          challenge: q.get('code_challenge') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
        });
        redirect.searchParams.set('code', code);
      }
      res.writeHead(302, { location: redirect.toString() }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      void body(req).then((form) => {
        const grantType = form.get('grant_type') ?? '';
        const answer = (status: number, value: unknown) => {
          tokenCalls.push({ grantType, status });
          json(res, status, value);
        };
        if (
          form.get('client_id') !== opts.clientId ||
          (opts.clientSecret && form.get('client_secret') !== opts.clientSecret)
        )
          return answer(401, { error: 'invalid_client', error_description: 'Unknown client.' });
        if (grantType === 'authorization_code') {
          const pending = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const challenge = createHash('sha256').update(verifier).digest('base64url');
          if (!pending || pending.challenge !== challenge || pending.redirectUri !== form.get('redirect_uri'))
            return answer(400, {
              error: 'invalid_grant',
              error_description: 'Code, verifier or redirect URI wrong.',
            });
          const refresh = token();
          refreshTokens.add(refresh);
          return answer(200, issue(refresh));
        }
        if (grantType === 'refresh_token') {
          const old = form.get('refresh_token') ?? '';
          if (!refreshTokens.has(old))
            return answer(400, {
              error: 'invalid_grant',
              error_description: 'AADSTS70008: The refresh token has expired or was revoked.',
            });
          let next: string | null = null;
          if (opts.rotateRefreshTokens) {
            refreshTokens.delete(old);
            next = token();
            refreshTokens.add(next);
          }
          return answer(200, issue(next));
        }
        return answer(400, { error: 'unsupported_grant_type' });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoints: { authorize: `${base}/authorize`, token: `${base}/token` },
    tokenCalls,
    isValid: (t) => (accessTokens.get(t) ?? 0) > Date.now(),
    revokeAll() {
      refreshTokens.clear();
      accessTokens.clear();
    },
    invalidateAccessTokens() {
      accessTokens.clear();
    },
    denyNext() {
      deny = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Plays the system browser: follows the authorisation URL to the fake's redirect, then requests the
 * loopback redirect it points at (Herald's listener). Returns the page Herald showed.
 */
export async function completeInBrowser(authorizeUrl: string): Promise<{ status: number; text: string }> {
  const first = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = first.headers.get('location');
  if (!location) throw new Error(`The authorisation endpoint answered ${first.status} without a redirect.`);
  // Herald registers `localhost` for Microsoft; the listener is on 127.0.0.1 (and ::1 when free).
  const loopback = location.replace('//localhost:', '//127.0.0.1:');
  const page = await fetch(loopback);
  return { status: page.status, text: await page.text() };
}
