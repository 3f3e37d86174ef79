import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';
import type { compile } from 'html-to-text';
import type { SendMailOptions } from 'nodemailer';
import { AppError } from '../../contract';

/** A mailbox: display name (any Unicode, may be empty) and address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** What one outbox row needs to become an email. `html` is the rendered body. */
export interface ComposeEmailArgs {
  outboxId: number;
  /** First word of the Message-ID's left part; `herald` for campaign rows, `herald-test` for tests. */
  messageIdPrefix?: string;
  from: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  /** The plain-text part when already made (from the template, see email-text.ts); else derived from `html`. */
  text?: string;
  /** RFC 2369 List-Unsubscribe targets; `url` also enables RFC 8058 one-click. */
  listUnsubscribe?: { mailto: string; url?: string };
  /** Reply-To (RFC 5322 §3.6.2) when replies should not go to the From address. */
  replyTo?: string;
  /** Files to attach, read from disk while sending (nodemailer streams them, base64). */
  attachments?: { path: string; filename: string }[];
}

let converter: ((html: string) => string) | null = null;

/**
 * HTML → plain text as Herald writes the text/plain part (wrapped at 78 columns).
 * html-to-text and its parser (~10 MB of heap per thread) load on the first call, so a thread that
 * never makes an email (the send worker on a WhatsApp campaign, the UI thread until an email
 * preview) does not carry them; `require` keeps this synchronous (the package ships CommonJS too).
 */
export function htmlToText(html: string): string {
  converter ??= makeConverter();
  return converter(html);
}

function makeConverter(): (html: string) => string {
  const load = createRequire(import.meta.url);
  const { compile: compileConverter } = load('html-to-text') as { compile: typeof compile };
  // Plain-text part: wrapped at 78 columns (RFC 5322 §2.1.1), images dropped (their alt text
  // is rarely written for mail), links shown once when their text already is the URL.
  return compileConverter({
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      // Headings keep their case: upper-casing would turn `{{ first_name }}` in a template into an
      // unknown variable and shout a contact's name (email-text.ts converts templates).
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}

/**
 * Builds nodemailer message options for one recipient: multipart/alternative with the HTML
 * and a plain-text part generated from it; nodemailer encodes non-ASCII names and subjects
 * (RFC 2047) and bodies (quoted-printable, UTF-8).
 *
 * `messageId` is `<herald-{outboxId}.{hash}@{from domain}>`, the hash covering the outbox id,
 * both addresses, subject and body: the same row composed again (a retry) gets the same id,
 * so a receiver can drop a duplicate after an ambiguous failure.
 *
 * Throws `AppError('not_configured')` when the From address has no domain.
 */
export function composeEmail(args: ComposeEmailArgs): SendMailOptions {
  const at = args.from.address.lastIndexOf('@');
  const domain = at > 0 ? domainToASCII(args.from.address.slice(at + 1)) : '';
  if (domain === '') {
    throw new AppError(
      'not_configured',
      'Enter the address messages are sent from (such as news@example.com) in Settings.',
    );
  }
  const hash = createHash('sha256')
    .update(JSON.stringify([args.outboxId, args.from.address, args.to.address, args.subject, args.html]))
    .digest('hex')
    .slice(0, 16);

  const msg: SendMailOptions = {
    from: { name: args.from.name, address: args.from.address },
    to: { name: args.to.name, address: args.to.address },
    subject: args.subject,
    html: args.html,
    text: args.text ?? htmlToText(args.html),
    messageId: `<${args.messageIdPrefix ?? 'herald'}-${args.outboxId}.${hash}@${domain}>`,
  };
  if (args.replyTo) msg.replyTo = args.replyTo;
  if (args.attachments && args.attachments.length > 0)
    msg.attachments = args.attachments.map((a) => ({ path: a.path, filename: a.filename }));
  const unsub = args.listUnsubscribe;
  if (unsub) {
    const mailto = unsub.mailto.startsWith('mailto:') ? unsub.mailto : `mailto:${unsub.mailto}`;
    const targets = unsub.url ? [mailto, unsub.url] : [mailto];
    // RFC 2369 §3.2: each target in angle brackets, comma separated.
    const headers: Record<string, string> = { 'List-Unsubscribe': targets.map((t) => `<${t}>`).join(', ') };
    // RFC 8058 §3.1: one-click needs an HTTPS URI in List-Unsubscribe plus this exact header.
    if (unsub.url) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    msg.headers = headers;
  }
  return msg;
}
