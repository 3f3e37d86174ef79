import { MEDIA_REF_PREFIX, type PreviewMedia } from '../contract';
import type { TemplateLibrary } from './wa-library';

type Kind = 'image' | 'video' | 'document';

/** Header media of one message: a link, or a library file with what uploading it needs. */
export type ResolvedMedia =
  | { type: Kind; source: 'link'; url: string; fileName: string | null }
  | { type: Kind; source: 'file'; mediaId: number; fileName: string; path: string; mimeType: string };

const KIND_WORD: Record<Kind, string> = { image: 'image', video: 'video', document: 'document' };

/**
 * Turns the rendered `header.media` value into header media for a `kind` header: `media:<id>` is a
 * file of the media library (`library` resolves it), an `http(s)://` URL is a link (Meta fetches
 * and caches it for 10 minutes). Returns the problem in words when the value is neither, the file is
 * gone, or its kind differs from the template's header.
 */
export function resolveHeaderMedia(
  value: string,
  kind: Kind,
  library: TemplateLibrary | null,
): ResolvedMedia | string {
  const v = value.trim();
  const what = `Header ${KIND_WORD[kind]}`;
  if (v === '') return `${what}: no file or link is given for this contact.`;
  if (v.startsWith(MEDIA_REF_PREFIX)) {
    const id = Number(v.slice(MEDIA_REF_PREFIX.length));
    const file = Number.isInteger(id) && id > 0 ? (library?.mediaFile(id) ?? null) : null;
    if (!file) return `${what}: the file ${v} is not in the media library any more; choose it again.`;
    if (file.kind !== kind)
      return `${what}: ${file.fileName} is a ${file.kind}, but the template's header is a ${kind}.`;
    return {
      type: kind,
      source: 'file',
      mediaId: file.id,
      fileName: file.fileName,
      path: file.path,
      mimeType: file.mimeType,
    };
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `${what}: "${v.slice(0, 80)}" is neither a link (https://…) nor a file from the media library.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${what}: only http(s) links can be sent.`;
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return { type: kind, source: 'link', url: url.toString(), fileName: last || null };
}

/** The preview form of resolved media (no file path). */
export function previewMedia(m: ResolvedMedia): PreviewMedia {
  return m.source === 'link'
    ? { type: m.type, source: 'link', url: m.url, fileName: m.fileName }
    : { type: m.type, source: 'file', mediaId: m.mediaId, fileName: m.fileName };
}
