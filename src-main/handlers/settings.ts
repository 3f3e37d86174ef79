import { CloudApiClient } from '../channels/whatsapp/client';
import { accountInfo } from '../settings/whatsapp';
import { rememberWhatsAppAccount } from '../sending/plan-account';
import { remoteError } from './templates';
import { verifySmtp } from '../channels/email/test-send';
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
        rememberWhatsAppAccount(s.store, info); // the pre-send plan's cap and pace
        return accountInfo(info);
      } catch (e) {
        throw remoteError(e);
      } finally {
        client.close();
      }
    },
    'settings:testSmtp': async () => {
      const config = await s.settings.smtpConfig();
      await verifySmtp(config, { allowSelfSigned: s.options.allowSelfSignedSmtp });
      return { ok: true as const, host: config.host };
    },
  };
}
