import { composeEmail } from '../channels/email/compose';
import { AppError } from '../contract';
import type { SettingsService } from '../settings/service';
import { SMTP_DEFAULTS } from '../settings/service';
import { contactVariables } from '../templates/contact-variables';
import { bindUnsubscribe, compileUnsubscribeUrl, unsubscribeUrlFor } from '../templates/email-unsubscribe';
import type { CompiledTemplate } from '../templates/liquid';
import type { RenderContact } from '../sending/render';

/** The From line and the headers the review shows, ready to print. */
export interface EnvelopeView {
  from: string;
  headers: { name: string; value: string }[];
  /** The body with the unsubscribe link bound as the sender binds it. */
  html: string;
  problem: string | null;
}

/**
 * What the email sender adds to one recipient's rendered email (channels/email/sender.ts): the
 * unsubscribe link of Settings → Email bound into the body, From, Reply-To and List-Unsubscribe
 * (RFC 2369, one-click RFC 8058) exactly as composeEmail writes them. Reads only the plain SMTP
 * settings (no keychain). A problem the sender would stop on (no From address, a broken unsubscribe
 * page) comes back as `problem` with the body left as rendered.
 */
export class EnvelopeBuilder {
  private readonly smtp;
  private readonly page: CompiledTemplate | null;
  private readonly pageError: string | null;

  constructor(settings: SettingsService) {
    this.smtp = settings.read('smtp', SMTP_DEFAULTS);
    let page: CompiledTemplate | null = null;
    let pageError: string | null = null;
    try {
      page = compileUnsubscribeUrl(this.smtp.unsubscribeUrl);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      pageError = e.message;
    }
    this.page = page;
    this.pageError = pageError;
  }

  build(contact: RenderContact, to: string, subject: string, html: string): EnvelopeView {
    const { fromName, fromAddress, replyTo } = this.smtp;
    const from = fromName ? `${fromName} <${fromAddress}>` : fromAddress;
    if (this.pageError) return { from, headers: [], html, problem: this.pageError };
    const mailto = this.smtp.unsubscribeMailto || fromAddress;
    let url: string;
    try {
      url = unsubscribeUrlFor(this.page, mailto, this.page ? contactVariables(contact) : {});
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { from, headers: [], html, problem: `The unsubscribe address in Settings → Email: ${message}` };
    }
    const bound = bindUnsubscribe(html, url);
    try {
      const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
      const mail = composeEmail({
        outboxId: 0,
        from: { name: fromName, address: fromAddress },
        to: { name, address: to },
        subject,
        html: bound,
        text: '',
        replyTo: replyTo || undefined,
        listUnsubscribe: { mailto: `mailto:${mailto}?subject=unsubscribe`, ...(this.page ? { url } : {}) },
      });
      const headers = [
        ...(mail.replyTo ? [{ name: 'Reply-To', value: String(mail.replyTo) }] : []),
        ...Object.entries((mail.headers ?? {}) as Record<string, string>).map(([k, v]) => ({
          name: k,
          value: v,
        })),
      ];
      return { from, headers, html: bound, problem: null };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { from, headers: [], html: bound, problem: e.message };
    }
  }
}
