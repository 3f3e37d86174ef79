import { composeEmail } from '../channels/email/compose';
import { TemplatePayloadError, buildTemplatePayload } from '../channels/whatsapp/templates';
import type { PreparedCampaign } from './render';
import type { ChannelSender } from './types';

/** Provider message id recorded for rows a dry run would have sent. */
export const DRY_RUN_ID = 'dry-run';

/**
 * Senders for a dry run: each message is rendered and built exactly as the real channel would (the
 * WhatsApp template payload, the MIME email with its headers) and then not sent. Problems a provider
 * would refuse up front (a bad value, a missing From domain) come back as the same failures.
 */
export function dryRunSenders(
  prepared: PreparedCampaign,
  from: { name: string; address: string } | null,
): { email: ChannelSender; whatsapp: ChannelSender } {
  const email: ChannelSender = async (row, message) => {
    if (!message.email)
      return {
        ok: false,
        action: 'TEMPLATE',
        code: 'no_email_content',
        message: 'The campaign has no email content.',
      };
    if (!from) return { ok: false, action: 'PAUSE', code: 'not_configured', message: 'Email is not set up.' };
    try {
      composeEmail({
        outboxId: row.id,
        from,
        to: { name: row.contact.firstName ?? '', address: row.address },
        subject: message.email.subject,
        html: message.email.html,
      });
    } catch (e) {
      return { ok: false, action: 'PAUSE', code: 'not_configured', message: (e as Error).message };
    }
    return { ok: true, providerMessageId: DRY_RUN_ID };
  };
  const whatsapp: ChannelSender = async (row, message) => {
    const t = prepared.whatsapp?.template;
    if (!t)
      return {
        ok: false,
        action: 'TEMPLATE',
        code: 'no_template',
        message: 'The campaign has no WhatsApp template.',
      };
    try {
      buildTemplatePayload({
        to: row.address,
        name: t.name,
        language: t.language,
        parameterFormat: t.parameterFormat,
        placeholders: t.placeholders,
        values: message.whatsapp?.values ?? {},
        callbackData: String(row.id),
      });
    } catch (e) {
      if (!(e instanceof TemplatePayloadError)) throw e;
      return { ok: false, action: 'FAIL', code: 'invalid_payload', message: e.message };
    }
    return { ok: true, providerMessageId: DRY_RUN_ID };
  };
  return { email, whatsapp };
}
