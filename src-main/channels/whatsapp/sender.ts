import type { WhatsAppConfig } from '../../settings/whatsapp';
import type { ChannelSender, OpenedChannel } from '../../sending/types';
import type { PreparedWhatsApp } from '../../templates/wa-render';
import { CloudApiClient } from './client';
import { TemplatePayloadError, buildTemplatePayload } from './templates';

/** Default pacing: 80 messages/s, Meta's standard throughput per number (whatsapp-cloud-api.md, "Throughput"). */
export const WHATSAPP_DEFAULT_MPS = 80;

/**
 * Opens the Cloud API client for a campaign run. `biz_opaque_callback_data` carries the outbox id so
 * status webhooks can be matched. A timeout after the request left is reported `ambiguous` (the
 * message may have been accepted), so the runner marks the row unknown rather than re-sending it.
 */
export function openWhatsAppSender(
  config: WhatsAppConfig,
  prepared: PreparedWhatsApp,
  opts: { ratePerSec?: number; concurrency?: number } = {},
): OpenedChannel {
  const client = new CloudApiClient(config);
  const t = prepared.template;
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
  return {
    send,
    ratePerSec: opts.ratePerSec ?? WHATSAPP_DEFAULT_MPS,
    concurrency: opts.concurrency ?? 16,
    close: () => undefined,
  };
}
