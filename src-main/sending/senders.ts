import { openEmailSender } from '../channels/email/sender';
import { openWhatsAppSender } from '../channels/whatsapp/sender';
import type { Channel } from '../contract';
import type { SettingsService } from '../settings/service';
import type { CampaignRecord } from './campaigns-repo';
import type { PreparedCampaign } from './render';
import type { CampaignSenders, OpenedChannel } from './types';

/** Overrides for tests and benchmarks (messages/s, sends in flight). */
export interface SenderOptions {
  whatsappRatePerSec?: number;
  emailRatePerSec?: number;
  whatsappConcurrency?: number;
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
  const opened: Partial<Record<Channel, OpenedChannel>> = {};
  try {
    if (mode !== 'whatsapp') {
      opened.email = openEmailSender(await settings.smtpConfig(), {
        allowSelfSigned: opts.allowSelfSignedSmtp,
        ratePerSec: opts.emailRatePerSec,
      });
    }
    if (mode !== 'email' && prepared.whatsapp) {
      opened.whatsapp = openWhatsAppSender(await settings.whatsappConfig(), prepared.whatsapp, {
        ratePerSec: opts.whatsappRatePerSec,
        concurrency: opts.whatsappConcurrency,
      });
    }
  } catch (e) {
    Object.values(opened).forEach((o) => o.close());
    throw e;
  }
  return {
    senders: { email: opened.email?.send, whatsapp: opened.whatsapp?.send },
    ratePerSec: { email: opened.email?.ratePerSec ?? 0, whatsapp: opened.whatsapp?.ratePerSec ?? 0 },
    concurrency: { email: opened.email?.concurrency ?? 0, whatsapp: opened.whatsapp?.concurrency ?? 0 },
    close: () => Object.values(opened).forEach((o) => o.close()),
  };
}
