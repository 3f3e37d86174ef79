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
  /** Successful AUTH exchanges, in order (method is `PLAIN` or `LOGIN`). */
  logins: { method: string; user: string }[];
  /** Resolves once `messages.length >= count`; rejects after `timeoutMs` (default 10 000 ms). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Drops open client connections (421) and stops listening. */
  close(): Promise<void>;
}

/** Options: `auth` requires AUTH PLAIN/LOGIN with these credentials (else AUTH is off). */
export interface SmtpSinkOptions {
  auth?: { user: string; pass: string };
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
  if (!opts.auth) disabledCommands.push('AUTH');

  const options: SMTPServerOptions = {
    secure: opts.tls === 'implicit',
    logger: false,
    disabledCommands,
    authOptional: !opts.auth,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
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
