import { open } from 'node:fs/promises';
import { AppError, MEDIA_THUMBNAIL_MAX_BYTES } from '../contract';
import { sniffMimeType } from '../channels/whatsapp/media';
import type { Store } from '../store/db';
import { getMedia } from './wa-media';

/** MIME types a thumbnail may have: what WhatsApp takes as header images (JPEG, PNG). */
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);

/**
 * The library file `mediaId` as a `data:image/jpeg;base64,…` (or png) URL for the chat-bubble
 * preview, or null when the file is not an image, is larger than MEDIA_THUMBNAIL_MAX_BYTES (1 MiB),
 * its bytes are not JPEG/PNG by magic number (FF D8 FF / 89 50 4E 47 0D 0A 1A 0A), or it is gone
 * from disk. The type in the URL is the sniffed one, never the stored claim. At most
 * MEDIA_THUMBNAIL_MAX_BYTES + 1 bytes are read, whatever the database says the size is.
 * Throws AppError('not_found') for an unknown id.
 */
export async function mediaThumbnail(store: Store, mediaId: number): Promise<string | null> {
  const file = getMedia(store, mediaId);
  if (!file) throw new AppError('not_found', `Media file #${mediaId} is not in the media library.`);
  if (file.kind !== 'image' || file.bytes > MEDIA_THUMBNAIL_MAX_BYTES) return null;
  const data = await readAtMost(file.path, MEDIA_THUMBNAIL_MAX_BYTES + 1);
  if (!data || data.length === 0 || data.length > MEDIA_THUMBNAIL_MAX_BYTES) return null;
  const mime = sniffMimeType(data);
  if (!mime || !IMAGE_TYPES.has(mime)) return null;
  return `data:${mime};base64,${data.toString('base64')}`;
}

/** Up to `limit` bytes from the start of `path`, or null when the file no longer exists. */
async function readAtMost(path: string, limit: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
