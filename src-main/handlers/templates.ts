import { AppError } from '../contract';
import { CloudApiClient } from '../channels/whatsapp/client';
import { CloudApiError } from '../channels/whatsapp/errors';
import { listTemplates, storeTemplates } from '../templates/wa-library';
import { listMedia, saveMedia } from '../templates/wa-media';
import { mediaThumbnail } from '../templates/wa-media-thumbnail';
import { previewWhatsAppRecipient } from '../templates/wa-preview';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** A Cloud API failure as the AppError the UI shows: the fix-it text, Meta's classification as details. */
export function remoteError(e: unknown): unknown {
  if (e instanceof CloudApiError) return new AppError('remote_error', e.classified.userMessage, e.classified);
  return e;
}

/**
 * templates:* — sync the WABA's WhatsApp templates (all pages) and list the local copy; the header
 * media library (with image thumbnails for previews); and the chat-bubble preview of one recipient.
 */
export function templatesHandlers(s: Services): HandlersFor<'templates'> {
  return {
    'templates:sync': async () => {
      const client = new CloudApiClient(await s.settings.whatsappConfig());
      try {
        return storeTemplates(s.store, await client.listTemplates());
      } catch (e) {
        throw remoteError(e);
      } finally {
        client.close();
      }
    },
    'templates:list': () => listTemplates(s.store),
    'templates:uploadMedia': ({ fileName, mimeType, base64 }) => {
      const data = Buffer.from(base64, 'base64');
      if (data.length === 0) throw new AppError('bad_file', `${fileName} is empty or not base64.`);
      return saveMedia(s.store, fileName, mimeType, data);
    },
    'templates:listMedia': () => listMedia(s.store),
    'templates:mediaThumbnail': async ({ mediaId }) => ({
      dataUrl: await mediaThumbnail(s.store, mediaId),
    }),
    'templates:preview': ({ content, audience, offset }) =>
      previewWhatsAppRecipient(s.store, content, audience ?? {}, offset),
  };
}
