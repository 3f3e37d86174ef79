import { AppError } from '../contract';
import { CloudApiClient } from '../channels/whatsapp/client';
import { CloudApiError } from '../channels/whatsapp/errors';
import { listTemplates, storeTemplates } from '../templates/wa-library';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** templates:* — sync the WABA's WhatsApp templates (all pages) and list the local copy. */
export function templatesHandlers(s: Services): HandlersFor<'templates'> {
  return {
    'templates:sync': async () => {
      const client = new CloudApiClient(await s.settings.whatsappConfig());
      try {
        return storeTemplates(s.store, await client.listTemplates());
      } catch (e) {
        if (e instanceof CloudApiError)
          throw new AppError('remote_error', e.classified.userMessage, e.classified);
        throw e;
      }
    },
    'templates:list': () => listTemplates(s.store),
  };
}
