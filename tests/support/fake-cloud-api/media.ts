import { createHash, randomInt } from 'node:crypto';
import { type FakeError, invalidParameter, waError } from './errors';

/** A file uploaded to the fake with `POST /{phone-number-id}/media`. */
export interface UploadedMediaRecord {
  id: string;
  mimeType: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

/** Meta's per-type limits for uploaded media ("Supported media types"), bytes. */
const LIMITS: Record<string, number> = {
  'image/jpeg': 5 * 1024 * 1024,
  'image/png': 5 * 1024 * 1024,
  'video/mp4': 16 * 1024 * 1024,
  'video/3gpp': 16 * 1024 * 1024,
  'application/pdf': 100 * 1024 * 1024,
  'text/plain': 100 * 1024 * 1024,
};

interface Part {
  name: string;
  fileName: string | null;
  contentType: string | null;
  data: Buffer;
}

/** Splits a multipart/form-data body (RFC 7578) into its parts; null when it is not one. */
export function parseMultipart(contentType: string | undefined, body: Buffer): Part[] | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return null;
    const chunk = body.subarray(start + 2, next - 2); // strip CRLF after the delimiter and before the next
    const split = chunk.indexOf('\r\n\r\n');
    if (split === -1) return null;
    const head = chunk.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    parts.push({
      name,
      fileName: /filename="([^"]*)"/i.exec(head)?.[1] ?? null,
      contentType: /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim().toLowerCase() ?? null,
      data: chunk.subarray(split + 4),
    });
    at = next;
  }
  return null;
}

/**
 * Validates an upload like Meta ("Upload media"): multipart with `messaging_product=whatsapp`, a
 * `type` and a `file`; the type must be supported and the file within its size limit (131053
 * "Media upload error" otherwise). Returns the record to store.
 */
export function checkUpload(contentType: string | undefined, body: Buffer): UploadedMediaRecord | FakeError {
  const parts = parseMultipart(contentType, body);
  if (!parts) return invalidParameter('Invalid parameter', 'The request must be multipart/form-data.');
  const field = (n: string) => parts.find((p) => p.name === n);
  if (field('messaging_product')?.data.toString() !== 'whatsapp') {
    return invalidParameter('The parameter messaging_product is required.');
  }
  const file = field('file');
  if (!file || file.fileName === null) return invalidParameter('The parameter file is required.');
  const type = (field('type')?.data.toString() ?? file.contentType ?? '').toLowerCase();
  const limit = LIMITS[type];
  if (limit === undefined) {
    return waError(
      131053,
      'Media upload error',
      `Param file must be a file with one of the supported types, got ${type || 'none'}.`,
    );
  }
  if (file.data.length === 0 || file.data.length > limit) {
    return waError(
      131053,
      'Media upload error',
      `File size ${file.data.length} is outside 1..${limit} bytes for ${type}.`,
    );
  }
  return {
    id: String(randomInt(10 ** 8, 10 ** 9)) + String(randomInt(10 ** 7, 10 ** 8)),
    mimeType: type,
    fileName: file.fileName,
    bytes: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The media ids a template send names in its header (`{"type":"image","image":{"id":…}}`). */
export function headerMediaIds(components: unknown[]): string[] {
  const ids: string[] = [];
  for (const c of components) {
    if (!isObject(c) || String(c.type).toLowerCase() !== 'header' || !Array.isArray(c.parameters)) continue;
    for (const p of c.parameters) {
      if (!isObject(p) || typeof p.type !== 'string') continue;
      const media = p[p.type];
      if (isObject(media) && typeof media.id === 'string') ids.push(media.id);
    }
  }
  return ids;
}
