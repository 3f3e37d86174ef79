import { randomBytes } from 'node:crypto';

/** Header media kinds of a template (HEADER `format` IMAGE / VIDEO / DOCUMENT, lower-cased). */
export type MediaKind = 'image' | 'video' | 'document';

/**
 * What the Cloud API accepts per media kind (Meta "Supported media types"; whatsapp-cloud-api.md:
 * image JPEG/PNG ≤ 5 MB, document ≤ 100 MB; video MP4/3GPP ≤ 16 MB). Sizes in bytes.
 */
export const MEDIA_RULES: Record<MediaKind, { maxBytes: number; mimeTypes: readonly string[] }> = {
  image: { maxBytes: 5 * 1024 * 1024, mimeTypes: ['image/jpeg', 'image/png'] },
  video: { maxBytes: 16 * 1024 * 1024, mimeTypes: ['video/mp4', 'video/3gpp'] },
  document: {
    maxBytes: 100 * 1024 * 1024,
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
};

/** The media kind a MIME type belongs to, or null when WhatsApp does not take it as header media. */
export function mediaKindOf(mimeType: string): MediaKind | null {
  const mime = mimeType.toLowerCase();
  for (const kind of Object.keys(MEDIA_RULES) as MediaKind[]) {
    if (MEDIA_RULES[kind].mimeTypes.includes(mime)) return kind;
  }
  return null;
}

/** Checks a file against MEDIA_RULES for `kind`; returns the problem in words, or null. */
export function checkMedia(kind: MediaKind, mimeType: string, bytes: number): string | null {
  const rule = MEDIA_RULES[kind];
  if (!rule.mimeTypes.includes(mimeType.toLowerCase())) {
    return `WhatsApp does not take ${mimeType || 'this file type'} as ${kind} header media (allowed: ${rule.mimeTypes.join(', ')}).`;
  }
  if (bytes === 0) return 'The file is empty.';
  if (bytes > rule.maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `The file has ${mb(bytes)}; WhatsApp takes ${kind} header media up to ${mb(rule.maxBytes)}.`;
  }
  return null;
}

/** Sniffs JPEG/PNG/PDF/MP4 magic numbers so a renamed file is not uploaded as what it is not. */
export function sniffMimeType(data: Buffer): string | null {
  if (data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(4, 8).toString('latin1') === 'ftyp') {
    return data.subarray(8, 11).toString('latin1') === '3gp' ? 'video/3gpp' : 'video/mp4';
  }
  return null;
}

/** A multipart/form-data body and its Content-Type header value (RFC 7578). */
export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

/**
 * The body of `POST /{phone-number-id}/media` ("Upload media"): fields `messaging_product=whatsapp`
 * and `type=<mime>`, then the `file` part with its name and MIME type.
 */
export function mediaUploadBody(file: Buffer, mimeType: string, fileName: string): MultipartBody {
  const boundary = `----HeraldBoundary${randomBytes(12).toString('hex')}`;
  const safeName = fileName.replace(/["\r\n\\]/g, '_');
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head =
    field('messaging_product', 'whatsapp') +
    field('type', mimeType) +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
    `Content-Type: ${mimeType}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head, 'utf8'), file, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}
