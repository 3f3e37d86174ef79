/**
 * What the campaign runner does after a failed send (DESIGN.md, "Sending"):
 * RETRY later with backoff, PAUSE the campaign until the user fixes a setting,
 * or FAIL this recipient for good.
 */
export type SmtpErrorAction = 'RETRY' | 'PAUSE' | 'FAIL';

/** A classified SMTP failure. `code`: `EAUTH`, `550 5.1.1`, `ECONNECTION`, …; `message`: for the UI. */
export interface SmtpErrorClass {
  action: SmtpErrorAction;
  code: string;
  message: string;
}

/** The fields nodemailer puts on its errors (nodemailer `NodemailerError`), all optional. */
interface SmtpErrorFields {
  message: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  originalCode?: string;
}

/** Shown when the server rejects the credentials (535, RFC 4954 §6). */
export const AUTH_MESSAGE = 'The SMTP server refused the user name or password: check them in Settings.';
/** Shown when the server wants credentials and none were given (530, RFC 4954 §6). */
export const AUTH_REQUIRED_MESSAGE =
  'The SMTP server requires a user name and password: enter them in Settings.';

// Node/OpenSSL codes meaning the TLS handshake or certificate check failed: a settings problem
// (wrong security mode for the port, or a certificate the system does not trust).
const TLS_CODES = new Set([
  'ETLS',
  'EREQUIRETLS',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'EPROTOCOL',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EMAXLIMIT',
]);

/**
 * Maps a nodemailer error (fields `code`, `responseCode`, `response`, `command`) to an action.
 * Reply classes follow RFC 5321 §4.2.1 (4yz transient, 5yz permanent; 503 is a bad command
 * sequence, so retried) and enhanced codes RFC 3463 (X.7.8 bad credentials, X.4.5 / Gmail's
 * "550 5.4.5 Daily user sending limit exceeded" = the account's quota).
 *
 * - credentials missing (ENOAUTH, 530) or refused (EAUTH, 534/535, X.7.8) → PAUSE
 * - TLS handshake or certificate failures → PAUSE (security setting or port is wrong)
 * - sender refused (5yz to MAIL FROM) or sending quota reached (X.4.5) → PAUSE
 * - other 5yz (recipient refused, message refused) → FAIL
 * - 4yz, 503, dropped or refused connections, timeouts, DNS → RETRY
 * - anything unrecognised → RETRY (the runner caps attempts)
 */
export function classifySmtpError(e: unknown): SmtpErrorClass {
  const f = errorFields(e);
  const code = f.code ?? '';
  const reply = f.responseCode;
  const enhanced = enhancedCode(f.response);
  const replyCode = reply ? [String(reply), enhanced].filter(Boolean).join(' ') : '';
  const said = f.response ? `: ${trimResponse(f.response)}` : `: ${f.message}`;

  if (code === 'ENOAUTH' || reply === 530) {
    return { action: 'PAUSE', code: 'ENOAUTH', message: AUTH_REQUIRED_MESSAGE };
  }
  if (code === 'EAUTH' || reply === 534 || reply === 535 || enhanced?.endsWith('.7.8')) {
    return { action: 'PAUSE', code: 'EAUTH', message: AUTH_MESSAGE };
  }
  if (TLS_CODES.has(code) || TLS_CODES.has(f.originalCode ?? '')) {
    return {
      action: 'PAUSE',
      code: code || 'ETLS',
      message: `Could not set up a secure connection to the SMTP server: check the security setting and port in Settings (${f.message}).`,
    };
  }
  if (reply && reply >= 500 && reply !== 503) {
    if (enhanced?.endsWith('.4.5')) {
      return {
        action: 'PAUSE',
        code: replyCode,
        message: `The SMTP server says the sending limit is reached${said}`,
      };
    }
    if (/^MAIL\b/i.test(f.command ?? '')) {
      return {
        action: 'PAUSE',
        code: replyCode,
        message: `The SMTP server refused the sender address: check the From address in Settings${said}`,
      };
    }
    const what = /^RCPT\b/i.test(f.command ?? '') ? 'this recipient' : 'this message';
    return { action: 'FAIL', code: replyCode, message: `The SMTP server refused ${what}${said}` };
  }
  if (reply) {
    return { action: 'RETRY', code: replyCode, message: `The SMTP server asked to try again later${said}` };
  }
  if (NETWORK_CODES.has(code) || NETWORK_CODES.has(f.originalCode ?? '')) {
    return { action: 'RETRY', code, message: `Could not reach the SMTP server: ${f.message}` };
  }
  if (code === 'EENVELOPE') {
    return { action: 'FAIL', code, message: `The address cannot be used for email: ${f.message}` };
  }
  return { action: 'RETRY', code: code || 'UNKNOWN', message: `Sending failed: ${f.message}` };
}

function errorFields(e: unknown): SmtpErrorFields {
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const o = e as Record<string, unknown>;
  const f: SmtpErrorFields = { message: typeof o.message === 'string' ? o.message : String(e) };
  if (typeof o.code === 'string') f.code = o.code;
  if (typeof o.responseCode === 'number') f.responseCode = o.responseCode;
  if (typeof o.response === 'string') f.response = o.response;
  if (typeof o.command === 'string') f.command = o.command;
  if (typeof o.originalCode === 'string') f.originalCode = o.originalCode;
  return f;
}

/** The RFC 3463 enhanced status code (`5.1.1`) after the reply code, if the server sent one. */
function enhancedCode(response: string | undefined): string | undefined {
  return response ? /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] : undefined;
}

/** The server's reply text, one line, at most 300 characters. */
function trimResponse(response: string): string {
  const oneLine = response.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 299)}…` : oneLine;
}
