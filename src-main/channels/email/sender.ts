import type { SmtpConfig } from '../../settings/smtp';
import type { ChannelSender, OpenedChannel } from '../../sending/types';
import { composeEmail } from './compose';
import { createSmtpChannel } from './smtp';

/**
 * Opens the pooled SMTP transport for a campaign run. Each message gets a Message-ID derived from
 * its outbox id and a List-Unsubscribe mailto to the sender address (RFC 2369).
 */
export function openEmailSender(
  smtp: SmtpConfig,
  opts: { allowSelfSigned?: boolean; ratePerSec?: number } = {},
): OpenedChannel {
  const { password, ...plain } = smtp;
  const channel = createSmtpChannel(plain, password, {
    poolSize: smtp.poolSize,
    allowSelfSigned: opts.allowSelfSigned,
  });
  const from = { name: smtp.fromName, address: smtp.fromAddress };
  const send: ChannelSender = async (row, message) => {
    if (!message.email)
      return {
        ok: false,
        action: 'TEMPLATE',
        code: 'no_email_content',
        message: 'The campaign has no email content.',
      };
    const name = [row.contact.firstName, row.contact.lastName].filter(Boolean).join(' ');
    const mail = composeEmail({
      outboxId: row.id,
      from,
      to: { name, address: row.address },
      subject: message.email.subject,
      html: message.email.html,
      listUnsubscribe: { mailto: `mailto:${smtp.fromAddress}?subject=unsubscribe` },
    });
    const r = await channel.send(mail);
    return r.ok
      ? { ok: true, providerMessageId: r.messageId }
      : { ok: false, action: r.error.action, code: r.error.code, message: r.error.message };
  };
  return {
    send,
    ratePerSec: opts.ratePerSec ?? smtp.ratePerSec,
    concurrency: smtp.poolSize,
    close: () => channel.close(),
  };
}
