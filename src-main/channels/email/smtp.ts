import type { SendMailOptions, SMTPPoolOptions, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppError, type SmtpSettingsInput } from '../../contract';
import { classifySmtpError, type SmtpErrorClass } from './classify';

/** SMTP settings without the secret; the password comes from the keychain separately. */
export type SmtpConnectionSettings = Pick<
  SmtpSettingsInput,
  'host' | 'port' | 'security' | 'user' | 'fromName' | 'fromAddress'
>;

/** Transport tuning. */
export interface SmtpChannelOptions {
  /** Parallel SMTP connections (default 3). */
  poolSize?: number;
  /** Upper bound on messages/s enforced by the pool itself (fractions allowed), unlimited if unset. */
  rateLimitPerSec?: number;
  /** Accept a self-signed server certificate. For tests against a local sink only. */
  allowSelfSigned?: boolean;
  /** PEM certificates trusted besides the system's (an organisation's own certificate authority). */
  ca?: string;
  /**
   * Modern sign-in (XOAUTH2, developers.google.com/gmail/imap/xoauth2-protocol): `user` is the
   * mailbox; `getToken(renew)` returns a valid access token, a fresh one when `renew` (the server
   * refused the last). Replaces the password when set.
   */
  oauth?: { user: string; getToken(renew: boolean): Promise<{ token: string; expiresAt: number }> };
}

/** The outcome of one send; `send` never throws. */
export type SmtpSendResult =
  { ok: true; messageId: string; response: string } | { ok: false; error: SmtpErrorClass };

/** An open, pooled SMTP connection set for one account. */
export interface SmtpChannel {
  /** Connects and authenticates once. Throws `AppError('remote_error', message)` saying what to fix. */
  verify(): Promise<void>;
  /** Sends one message (one recipient); failures come back classified, never thrown. */
  send(msg: SendMailOptions): Promise<SmtpSendResult>;
  /** Closes idle connections now and the others after their current message. */
  close(): void;
}

/** Connection and greeting waits, in ms: long enough for a slow provider, short for a wrong port. */
const CONNECTION_TIMEOUT_MS = 15_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Builds the nodemailer pool options. Security: `tls` = implicit TLS (port 465),
 * `starttls` = STARTTLS required (587), `none` = plain text, allowed only to this computer.
 * Certificates are verified unless `allowSelfSigned`. AUTH is used only when `user` is set.
 * Throws `AppError('invalid_input')` for `none` with a non-loopback host.
 */
export function smtpPoolOptions(
  settings: SmtpConnectionSettings,
  password: string | null,
  opts: SmtpChannelOptions = {},
): SMTPPoolOptions & { pool: true } {
  const host = settings.host.trim().toLowerCase();
  if (settings.security === 'none' && !LOOPBACK_HOSTS.has(host)) {
    throw new AppError(
      'invalid_input',
      'Unencrypted SMTP is only allowed to this computer (localhost): choose TLS or STARTTLS for another server.',
    );
  }
  const options: SMTPPoolOptions & { pool: true } = {
    pool: true,
    maxConnections: Math.max(1, Math.floor(opts.poolSize ?? 3)),
    // A connection lost mid-message is reported, not silently re-sent by the pool: the campaign
    // runner owns retries (backoff, attempt count) and the same Message-ID goes out again.
    maxRequeues: 0,
    host: settings.host.trim(),
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    // `none` means none: do not try an opportunistic STARTTLS the user did not ask for.
    ignoreTLS: settings.security === 'none',
    tls: {
      rejectUnauthorized: !opts.allowSelfSigned,
      minVersion: 'TLSv1.2',
      ...(opts.ca ? { ca: opts.ca } : {}),
    },
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  };
  const oauth = opts.oauth;
  if (oauth) {
    options.auth = {
      type: 'OAuth2',
      user: oauth.user,
      // nodemailer asks here whenever it needs a token (renew = the server refused the last one).
      provisionCallback: (_user, renew, done) => {
        oauth.getToken(renew).then(
          (t) => done(null, t.token, t.expiresAt),
          (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
        );
      },
    };
  } else if (settings.user !== '') options.auth = { user: settings.user, pass: password ?? '' };
  const rate = opts.rateLimitPerSec;
  if (rate !== undefined && rate > 0 && Number.isFinite(rate)) {
    // nodemailer counts `rateLimit` messages per `rateDelta` ms; below 1/s, stretch the window.
    options.rateLimit = rate >= 1 ? Math.floor(rate) : 1;
    options.rateDelta = rate >= 1 ? 1000 : Math.ceil(1000 / rate);
  }
  return options;
}

/**
 * Creates a pooled SMTP channel (nodemailer `pool: true`). See `smtpPoolOptions` for the
 * security rules; throws `AppError('invalid_input')` synchronously when they are broken.
 */
export function createSmtpChannel(
  settings: SmtpConnectionSettings,
  password: string | null,
  opts: SmtpChannelOptions = {},
): SmtpChannel {
  const options = smtpPoolOptions(settings, password, opts);
  // nodemailer (~15 MB of heap in each thread that loads it) is loaded on the first SMTP channel,
  // not with the app: a WhatsApp-only send worker and the UI thread never need it.
  const transport: Promise<Transporter<SMTPPool.SentMessageInfo>> = import('nodemailer').then((m) =>
    m.default.createTransport(options),
  );
  void transport.catch(() => undefined); // a failed load is reported by verify/send, not as unhandled
  const where = `${settings.host}:${settings.port}`;
  return {
    async verify() {
      try {
        await (await transport).verify();
      } catch (e) {
        const c = classifySmtpError(e);
        throw new AppError('remote_error', `${c.message} (${where})`, { action: c.action, code: c.code });
      }
    },
    async send(msg) {
      try {
        const info = await (await transport).sendMail(msg);
        const rejected = info.rejected ?? [];
        if (rejected.length > 0 && (info.accepted ?? []).length === 0) {
          return {
            ok: false,
            error: classifySmtpError(info.rejectedErrors?.[0] ?? new Error('Recipient refused.')),
          };
        }
        return { ok: true, messageId: info.messageId, response: info.response };
      } catch (e) {
        return { ok: false, error: classifySmtpError(e) };
      }
    },
    close() {
      void transport.then(
        (t) => t.close(),
        () => undefined,
      );
    },
  };
}
