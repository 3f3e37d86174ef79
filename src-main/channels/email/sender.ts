import type { SendOutcome } from '../../sending/types';
import type { ChannelSender, OpenedChannel } from '../../sending/types';
import type { SmtpConfig } from '../../settings/smtp';
import { contactVariables } from '../../templates/contact-variables';
import { TemplateRenderError } from '../../templates/liquid';
import {
  bindUnsubscribe,
  bindUnsubscribeText,
  compileUnsubscribeUrl,
  unsubscribeUrlFor,
} from '../../templates/email-unsubscribe';
import { isSendableAddress } from './address';
import { composeEmail } from './compose';
import { OAuthError, type OAuthErrorKind } from './oauth-tokens';
import { createSmtpChannel } from './smtp';

/** Options of `openEmailSender`: test and benchmark overrides, all optional. */
export interface EmailSenderOptions {
  allowSelfSigned?: boolean;
  /** Pacing override, messages/s. */
  ratePerSec?: number;
  /** PEM certificates to trust besides the system's. */
  ca?: string;
  /** Message-ID prefix (`herald-test` for "Send a test email to me"). */
  messageIdPrefix?: string;
}

const OAUTH_ACTION: Record<OAuthErrorKind, 'PAUSE' | 'RETRY'> = {
  not_signed_in: 'PAUSE',
  revoked: 'PAUSE',
  client: 'PAUSE',
  network: 'RETRY',
  provider: 'RETRY',
};

function oauthOutcome(e: OAuthError): SendOutcome {
  return { ok: false, action: OAUTH_ACTION[e.kind], code: `oauth_${e.kind}`, message: e.message };
}

/**
 * Opens the pooled SMTP transport for a campaign run (synchronously; nothing connects until the
 * first send). Each message gets a Message-ID derived from its outbox id, Reply-To from Settings,
 * List-Unsubscribe with the mailto address and, when configured, the https page with one-click
 * (RFC 2369, RFC 8058), `{{ unsubscribe_url }}` bound to the same address, and its attachments.
 *
 * With modern sign-in the access token is fetched (refreshed if needed) once before the first
 * message, shared by all connections, and refreshed again by nodemailer when it nears expiry or
 * the server refuses it. A revoked refresh token pauses the campaign ("sign in again").
 * An address that is not a plain mailbox fails that recipient without reaching the server.
 * Throws AppError('not_configured') when the unsubscribe page in Settings does not compile.
 */
export function openEmailSender(smtp: SmtpConfig, opts: EmailSenderOptions = {}): OpenedChannel {
  const { password, oauth, ...plain } = smtp;
  let lastOAuthError: OAuthError | null = null;
  const getToken = async (renew: boolean) => {
    try {
      const t = await oauth!.tokens.accessToken(renew);
      lastOAuthError = null;
      return t;
    } catch (e) {
      if (e instanceof OAuthError) lastOAuthError = e;
      throw e;
    }
  };
  const channel = createSmtpChannel(plain, password, {
    poolSize: smtp.poolSize,
    allowSelfSigned: opts.allowSelfSigned,
    ca: opts.ca,
    ...(oauth ? { oauth: { user: smtp.user, getToken } } : {}),
  });
  const page = compileUnsubscribeUrl(smtp.unsubscribeUrl);
  const mailto = smtp.unsubscribeMailto || smtp.fromAddress;
  const from = { name: smtp.fromName, address: smtp.fromAddress };
  // One token fetch before the first message, shared by every send in flight; forgotten on failure.
  let ready: Promise<void> | null = null;

  const send: ChannelSender = async (row, message) => {
    const email = message.email;
    if (!email)
      return {
        ok: false,
        action: 'TEMPLATE',
        code: 'no_email_content',
        message: 'The campaign has no email content.',
      };
    if (!isSendableAddress(row.address))
      return {
        ok: false,
        action: 'FAIL',
        code: 'invalid_address',
        message: `"${row.address}" is not an email address Herald can send to.`,
      };
    if (oauth) {
      ready ??= getToken(false).then(() => undefined);
      try {
        await ready;
      } catch (e) {
        ready = null;
        if (e instanceof OAuthError) return oauthOutcome(e);
        return { ok: false, action: 'RETRY', code: 'oauth_error', message: String(e) };
      }
    }
    let unsubscribe: string;
    try {
      // The mailto form needs no contact data: skip building the variables then.
      unsubscribe = unsubscribeUrlFor(page, mailto, page ? contactVariables(row.contact) : {});
    } catch (e) {
      if (!(e instanceof TemplateRenderError)) throw e;
      return {
        ok: false,
        action: 'PAUSE',
        code: 'unsubscribe_url',
        message: `The unsubscribe address in Settings → Email: ${e.message}`,
      };
    }
    const name = [row.contact.firstName, row.contact.lastName].filter(Boolean).join(' ');
    const mail = composeEmail({
      outboxId: row.id,
      messageIdPrefix: opts.messageIdPrefix,
      from,
      to: { name, address: row.address },
      subject: email.subject,
      html: bindUnsubscribe(email.html, unsubscribe),
      ...(email.text !== undefined ? { text: bindUnsubscribeText(email.text, unsubscribe) } : {}),
      replyTo: smtp.replyTo || undefined,
      attachments: email.attachments,
      listUnsubscribe: {
        mailto: `mailto:${mailto}?subject=unsubscribe`,
        ...(page ? { url: unsubscribe } : {}),
      },
    });
    const r = await channel.send(mail);
    if (r.ok) return { ok: true, providerMessageId: r.messageId };
    if (oauth && lastOAuthError && r.error.code === 'EAUTH') return oauthOutcome(lastOAuthError);
    return { ok: false, action: r.error.action, code: r.error.code, message: r.error.message };
  };
  return {
    send,
    ratePerSec: opts.ratePerSec ?? smtp.ratePerSec,
    concurrency: smtp.poolSize,
    close: () => channel.close(),
  };
}
