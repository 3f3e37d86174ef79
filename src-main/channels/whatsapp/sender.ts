import type { WhatsAppConfig } from '../../settings/whatsapp';
import type { ChannelSender, OpenedChannel, SendOutcome } from '../../sending/types';
import type { PreparedWhatsApp } from '../../templates/wa-render';
import { CloudApiClient } from './client';
import { NETWORK_ERROR_CODE } from './errors';
import { DispatchWindow } from './dispatch-window';
import { SendPreparation } from './sender-prep';
import { TemplatePayloadError, buildTemplatePayload } from './templates';
import type { ClassifiedError } from './types';

/** Default pacing: 80 messages/s, Meta's standard throughput per number (whatsapp-cloud-api.md, "Throughput"). */
export const WHATSAPP_DEFAULT_MPS = 80;
/** Default sends in flight; at 80 msg/s and ~200 ms per answer, 16 keeps the pacing limit reachable. */
export const WHATSAPP_DEFAULT_CONCURRENCY = 16;

/** Options of `openWhatsAppSender`. */
export interface WhatsAppSenderOptions {
  /** Pacing, messages/s. */
  ratePerSec?: number;
  /** Sends in flight at once; also the connection pool's size. */
  concurrency?: number;
  /** Read the number's health before the first send (default true). */
  preflight?: boolean;
}

/** A classification as the runner's outcome, with Meta's own words after the fix-it text. */
export function toOutcome(e: ClassifiedError): SendOutcome {
  const meta = e.metaMessage && !e.userMessage.includes(e.metaMessage) ? ` (Meta: ${e.metaMessage})` : '';
  return {
    ok: false,
    action: e.action,
    code: String(e.code),
    message: `${e.userMessage}${meta}`,
    throttled: e.code === 130429,
    ambiguous: e.hints?.mayHaveBeenAccepted === true,
    unreachable: e.code === NETWORK_ERROR_CODE && e.hints?.mayHaveBeenAccepted !== true,
    hints: e.hints,
  };
}

/**
 * Opens the Cloud API client for a campaign run. Before the first send it checks the number's health
 * once (BLOCKED or a token/permission error → every send answers PAUSE) and uploads each header file
 * once, reusing the media id (both lazily, behind one shared promise, so this stays synchronous).
 * `biz_opaque_callback_data` carries the outbox id so status webhooks can be matched. A timeout after
 * the request left is reported `ambiguous`, so the runner marks the row unknown rather than re-sending.
 * A DispatchWindow keeps the requests themselves within `ratePerSec` in every second.
 */
export function openWhatsAppSender(
  config: WhatsAppConfig,
  prepared: PreparedWhatsApp,
  opts: WhatsAppSenderOptions = {},
): OpenedChannel {
  const concurrency = opts.concurrency ?? WHATSAPP_DEFAULT_CONCURRENCY;
  const client = new CloudApiClient({ ...config, maxSockets: concurrency, maxQueued: concurrency * 4 });
  const mediaSource = prepared.params.get('header.media')?.source ?? '';
  const prep = new SendPreparation(client, /\{\{|\{%/.test(mediaSource));
  const ratePerSec = opts.ratePerSec ?? WHATSAPP_DEFAULT_MPS;
  const window = new DispatchWindow(ratePerSec);
  // Start the pre-flight now so the first sends rarely wait for it.
  if (opts.preflight !== false) void prep.checkAccount();
  const send: ChannelSender = async (row, message) => {
    const rendered = message.whatsapp;
    if (!rendered)
      return { ok: false, action: 'FAIL', code: 'invalid_payload', message: 'Nothing rendered.' };
    if (opts.preflight !== false) {
      const blocked = await prep.checkAccount();
      if (blocked) return toOutcome(blocked);
    }
    const t = rendered.template;
    let headerMedia;
    if (rendered.headerMedia) {
      const media = await prep.headerMedia(rendered.headerMedia);
      if ('action' in media) return toOutcome(media);
      headerMedia = media;
    }
    let payload: object;
    try {
      payload = buildTemplatePayload({
        to: row.address,
        name: t.name,
        language: t.language,
        parameterFormat: t.parameterFormat,
        placeholders: t.placeholders,
        values: rendered.values,
        callbackData: String(row.id),
        ...(headerMedia ? { headerMedia } : {}),
      });
    } catch (e) {
      if (!(e instanceof TemplatePayloadError)) throw e;
      return { ok: false, action: 'FAIL', code: 'invalid_payload', message: e.message };
    }
    await window.acquire();
    const r = await client.sendMessage(payload);
    return r.ok ? { ok: true, providerMessageId: r.wamid } : toOutcome(r.error);
  };
  return {
    send,
    ratePerSec,
    concurrency,
    close: () => client.close(),
  };
}
