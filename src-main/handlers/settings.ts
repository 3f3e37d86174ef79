import { AppError } from '../contract';
import { CloudApiClient } from '../channels/whatsapp/client';
import { CloudApiError } from '../channels/whatsapp/errors';
import { createSmtpChannel } from '../channels/email/smtp';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** settings:* — plain values in SQLite, secrets in the keychain, and "Test connection". */
export function settingsHandlers(s: Services): HandlersFor<'settings'> {
  return {
    'settings:get': () => s.settings.view(),
    'settings:saveGeneral': (input) => s.settings.saveGeneral(input),
    'settings:saveWhatsApp': (input) => s.settings.saveWhatsApp(input),
    'settings:saveSmtp': (input) => s.settings.saveSmtp(input),
    'settings:testWhatsApp': async () => {
      const client = new CloudApiClient(await s.settings.whatsappConfig());
      try {
        const info = await client.getPhoneNumber();
        return {
          verifiedName: info.verifiedName,
          displayPhoneNumber: info.displayPhoneNumber,
          qualityRating: info.qualityRating,
          messagingLimit: info.messagingLimit,
          throughputLevel: info.throughputLevel,
        };
      } catch (e) {
        if (e instanceof CloudApiError)
          throw new AppError('remote_error', e.classified.userMessage, e.classified);
        throw e;
      }
    },
    'settings:testSmtp': async () => {
      const { password, ...plain } = await s.settings.smtpConfig();
      const channel = createSmtpChannel(plain, password, { allowSelfSigned: s.options.allowSelfSignedSmtp });
      try {
        await channel.verify();
        return { ok: true as const, host: plain.host };
      } finally {
        channel.close();
      }
    },
  };
}
