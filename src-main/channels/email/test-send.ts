import { AppError, type EmailContent } from '../../contract';
import type { RenderContact } from '../../sending/render';
import type { SmtpConfig } from '../../settings/smtp';
import { contactVariables } from '../../templates/contact-variables';
import { prepareEmail, renderEmail } from '../../templates/email-render';
import { OAuthError } from './oauth-tokens';
import { type EmailSenderOptions, openEmailSender } from './sender';
import { createSmtpChannel } from './smtp';

/** Sample data for a test email when no contact is chosen (names show where variables are). */
export const SAMPLE_CONTACT: RenderContact = {
  id: 0,
  firstName: 'Alex',
  lastName: 'Sample',
  email: 'alex.sample@example.com',
  phone: '+441632960000',
  attributes: {},
};

/**
 * "Send a test email to me": renders `content` with `contact`'s data (or SAMPLE_CONTACT) exactly
 * as a campaign would, attachments and unsubscribe link included, and sends it to `to` (or the From
 * address) with "[Test]" before the subject. Throws AppError('invalid_input') listing the rendering
 * problems, or AppError('remote_error') with the classified SMTP or sign-in failure.
 */
export async function sendTestEmail(
  smtp: SmtpConfig,
  content: EmailContent,
  contact: RenderContact | null,
  to: string,
  opts: EmailSenderOptions = {},
): Promise<{ to: string; subject: string; messageId: string; contactName: string }> {
  const who = contact ?? SAMPLE_CONTACT;
  const rendered = renderEmail(prepareEmail(content), contactVariables(who));
  if (rendered.problems.length > 0)
    throw new AppError(
      'invalid_input',
      `The email cannot be sent to this contact: ${rendered.problems.join(' ')}`,
    );
  const address = to || smtp.fromAddress;
  const sender = openEmailSender(smtp, { ...opts, messageIdPrefix: 'herald-test' });
  try {
    const subject = `[Test] ${rendered.subject}`;
    const outcome = await sender.send(
      { id: Date.now(), channel: 'email', address, attempts: 1, contact: { ...who, email: address } },
      { email: { ...rendered, subject }, whatsapp: null },
    );
    if (!outcome.ok)
      throw new AppError('remote_error', outcome.message, { action: outcome.action, code: outcome.code });
    const contactName = [who.firstName, who.lastName].filter(Boolean).join(' ') || who.email || `#${who.id}`;
    return { to: address, subject, messageId: outcome.providerMessageId, contactName };
  } finally {
    sender.close();
  }
}

/**
 * "Test connection": connects and signs in once (fetching an OAuth token first when modern sign-in
 * is on). Throws AppError('remote_error') saying what to fix.
 */
export async function verifySmtp(
  smtp: SmtpConfig,
  opts: Pick<EmailSenderOptions, 'allowSelfSigned' | 'ca'> = {},
): Promise<void> {
  const { password, oauth, ...plain } = smtp;
  if (oauth) {
    try {
      await oauth.tokens.accessToken();
    } catch (e) {
      if (e instanceof OAuthError) throw new AppError('remote_error', e.message, { code: `oauth_${e.kind}` });
      throw e;
    }
  }
  const channel = createSmtpChannel(plain, password, {
    allowSelfSigned: opts.allowSelfSigned,
    ca: opts.ca,
    poolSize: 1,
    ...(oauth
      ? { oauth: { user: smtp.user, getToken: (renew: boolean) => oauth.tokens.accessToken(renew) } }
      : {}),
  });
  try {
    await channel.verify();
  } finally {
    channel.close();
  }
}
