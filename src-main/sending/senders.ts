import { CloudApiClient } from '../channels/whatsapp/client';
import { TemplatePayloadError, buildTemplatePayload } from '../channels/whatsapp/templates';
import { composeEmail } from '../channels/email/compose';
import { createSmtpChannel } from '../channels/email/smtp';
import type { SettingsService } from '../settings/service';
import type { CampaignRecord } from './campaigns-repo';
import type { PreparedCampaign } from './render';
import type { CampaignSenders, ChannelSender } from './types';

/** Default WhatsApp pacing: 80 messages/s, Meta's standard throughput per number (whatsapp-cloud-api.md). */
export const WHATSAPP_DEFAULT_MPS = 80;
/** Default email pacing (messages/s) until the provider presets set one. */
export const EMAIL_DEFAULT_MPS = 10;

/** Overrides for tests and benchmarks. */
export interface SenderOptions {
  whatsappRatePerSec?: number;
  emailRatePerSec?: number;
  whatsappConcurrency?: number;
  smtpPoolSize?: number;
  allowSelfSignedSmtp?: boolean;
}

/**
 * Opens the providers a campaign's channel mode needs, from Settings. Throws AppError('not_configured')
 * naming what is missing, before anything is sent.
 */
export async function openSenders(
  settings: SettingsService,
  campaign: CampaignRecord,
  prepared: PreparedCampaign,
  opts: SenderOptions = {},
): Promise<CampaignSenders> {
  const mode = campaign.channelMode;
  const senders: CampaignSenders['senders'] = {};
  const closers: (() => void)[] = [];

  if (mode !== 'whatsapp') {
    const smtp = await settings.smtpConfig();
    const { password, ...plain } = smtp;
    const channel = createSmtpChannel(plain, password, {
      poolSize: opts.smtpPoolSize ?? 3,
      allowSelfSigned: opts.allowSelfSignedSmtp,
    });
    closers.push(() => channel.close());
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
    senders.email = send;
  }

  if (mode !== 'email' && prepared.whatsapp) {
    const cfg = await settings.whatsappConfig();
    const client = new CloudApiClient(cfg);
    const t = prepared.whatsapp.template;
    const send: ChannelSender = async (row, message) => {
      let payload: object;
      try {
        payload = buildTemplatePayload({
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
      const r = await client.sendMessage(payload);
      if (r.ok) return { ok: true, providerMessageId: r.wamid };
      return {
        ok: false,
        action: r.error.action,
        code: String(r.error.code),
        message: r.error.userMessage,
        throttled: r.error.code === 130429,
        ambiguous: r.error.hints?.mayHaveBeenAccepted === true,
      };
    };
    senders.whatsapp = send;
  }

  return {
    senders,
    ratePerSec: {
      email: opts.emailRatePerSec ?? EMAIL_DEFAULT_MPS,
      whatsapp: opts.whatsappRatePerSec ?? WHATSAPP_DEFAULT_MPS,
    },
    concurrency: { email: opts.smtpPoolSize ?? 3, whatsapp: opts.whatsappConcurrency ?? 16 },
    close: () => closers.forEach((c) => c()),
  };
}
