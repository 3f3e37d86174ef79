import type { Socket } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerOptions } from 'smtp-server';

/** One message the sink accepted, parsed with mailparser's `simpleParser`. */
export interface ReceivedMail {
  /** SMTP envelope (MAIL FROM / RCPT TO), not the headers. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Decoded header values (RFC 2047 words decoded). */
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
  /** Lower-case header name → parsed value, as mailparser gives it. */
  headers: Map<string, unknown>;
  /** Message-ID header including the angle brackets. */
  messageId: string;
  /** The message as received (RFC 5322, CRLF line ends). */
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
export interface SmtpSink {
  port: number;
  host: '127.0.0.1';
  /** Accepted messages in arrival order; a message is here before the client gets its 250. */
  messages: ReceivedMail[];
  /** Successful AUTH exchanges, in order (method is `PLAIN`, `LOGIN` or `XOAUTH2`). */
  logins: { method: string; user: string }[];
  /** Resolves once `messages.length >= count`; rejects after `timeoutMs` (default 10 000 ms). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Drops open client connections (421) and stops listening. */
  close(): Promise<void>;
}

/** Options: `auth` requires AUTH PLAIN/LOGIN with these credentials (else AUTH is off). */
export interface SmtpSinkOptions {
  auth?: { user: string; pass: string };
  /**
   * Require AUTH XOAUTH2 (developers.google.com/gmail/imap/xoauth2-protocol) for `user`, accepting
   * an access token while `isValid(token)` says so; a refused token gets the protocol's JSON
   * challenge, then 535 5.7.8.
   */
  oauth?: { user: string; isValid: (accessToken: string) => boolean };
  /** Reply codes for the next MAIL FROM commands, one per command, e.g. [421] (then normal). */
  mailFromReplies?: number[];
  /**
   * Cut the connection instead of answering the DATA of the n-th message (1-based, counting every
   * message the sink was sent); that message is not kept.
   */
  dropOnMessage?: number;
  /** AUTH methods offered with `auth` (default PLAIN and LOGIN); nodemailer takes the first. */
  authMethods?: ('PLAIN' | 'LOGIN')[];
  /** PEM key and certificate for TLS instead of smtp-server's built-in self-signed one. */
  key?: string;
  cert?: string;
  /** Recipient address (case-insensitive) → SMTP reply code sent to its RCPT TO, e.g. 550. */
  rejectRecipients?: Record<string, number>;
  /** Offer STARTTLS, or speak implicit TLS, with smtp-server's built-in self-signed certificate. */
  tls?: 'starttls' | 'implicit';
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

/** Starts a sink; the caller must `close()` it (and close its own SMTP pools first). */
export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const logins: SmtpSink['logins'] = [];
  const waiters = new Set<() => void>();
  const rejects = new Map(Object.entries(opts.rejectRecipients ?? {}).map(([a, c]) => [a.toLowerCase(), c]));

  const disabledCommands: string[] = [];
  if (opts.tls !== 'starttls') disabledCommands.push('STARTTLS');
  if (!opts.auth && !opts.oauth) disabledCommands.push('AUTH');
  const mailFromReplies = [...(opts.mailFromReplies ?? [])];
  let dataCount = 0;

  const options: SMTPServerOptions = {
    secure: opts.tls === 'implicit',
    logger: false,
    disabledCommands,
    authOptional: !opts.auth && !opts.oauth,
    authMethods: opts.oauth ? ['XOAUTH2'] : (opts.authMethods ?? ['PLAIN', 'LOGIN']),
    allowInsecureAuth: true,
    ...(opts.key && opts.cert ? { key: opts.key, cert: opts.cert } : {}),
    onMailFrom(_address, _session, callback) {
      const code = mailFromReplies.shift();
      if (code === undefined) return callback();
      callback(smtpError(code, `${code >= 500 ? 5 : 4}.3.2 Test sink says try again later`));
    },
    onAuth(auth, _session, callback) {
      if (opts.oauth) {
        const ok =
          auth.method === 'XOAUTH2' &&
          auth.username === opts.oauth.user &&
          opts.oauth.isValid(auth.accessToken ?? '');
        if (ok) {
          logins.push({ method: auth.method, user: auth.username ?? '' });
          return callback(null, { user: auth.username });
        }
        return callback(null, {
          data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' },
        });
      }
      const want = opts.auth;
      const okMethod = auth.method === 'PLAIN' || auth.method === 'LOGIN';
      if (want && okMethod && auth.username === want.user && auth.password === want.pass) {
        logins.push({ method: auth.method, user: auth.username });
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, '5.7.8 Error: authentication failed: Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      const code = rejects.get(address.address.toLowerCase());
      if (code === undefined) return callback();
      const cls = code >= 500 ? 5 : 4;
      callback(
        smtpError(code, `${cls}.1.1 <${address.address}>: Recipient address rejected by the test sink`),
      );
    },
    onData(stream, session, callback) {
      dataCount += 1;
      if (dataCount === opts.dropOnMessage) {
        // Read the message, then hang up without a reply: the client cannot know whether it arrived.
        stream.resume();
        stream.on('end', () => {
          for (const c of server.connections as Set<{ session: { id: string }; _socket: Socket }>)
            if (c.session.id === session.id) c._socket.destroy();
        });
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) => callback(e));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            messages.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              from: addressText(mail.from),
              to: addressText(mail.to),
              text: mail.text ?? '',
              html: mail.html === false ? '' : mail.html,
              headers: mail.headers as Map<string, unknown>,
              messageId: mail.messageId ?? '',
              raw,
            });
            for (const w of [...waiters]) w();
            callback();
          },
          (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
        );
      });
    },
  };
  const server = new SMTPServer(options);

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('The SMTP sink did not get a TCP port.'));
    });
  });
  // Errors on client sockets (a client that hangs up) are expected; keep them from crashing.
  server.on('error', () => undefined);

  return {
    port,
    host: '127.0.0.1',
    messages,
    logins,
    waitFor(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`The SMTP sink got ${messages.length} of ${count} messages within ${timeoutMs} ms.`),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const connection of server.connections) {
          connection.send(421, 'Test sink shutting down');
          connection.close();
        }
        server.close(() => resolve());
      });
    },
  };
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  const e: SMTPServerError = new Error(message);
  e.responseCode = responseCode;
  return e;
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}
