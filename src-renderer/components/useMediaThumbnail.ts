import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../lib/api';

/**
 * How many answers are kept: each may be a data URL of up to ~1.4 MB (1 MiB base64,
 * MEDIA_THUMBNAIL_MAX_BYTES), and a per-contact header column can name many files.
 */
const MAX_CACHED = 32;

/** mediaId → data URL, or null (not an image, too large, gone). Oldest first (Map order). */
const answers = new Map<number, string | null>();
const asking = new Set<number>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function remember(mediaId: number, dataUrl: string | null) {
  answers.set(mediaId, dataUrl);
  while (answers.size > MAX_CACHED) answers.delete(answers.keys().next().value as number);
  for (const l of listeners) l();
}

function ask(mediaId: number) {
  if (answers.has(mediaId) || asking.has(mediaId)) return;
  asking.add(mediaId);
  void api.invoke('templates:mediaThumbnail', { mediaId }).then((r) => {
    asking.delete(mediaId);
    // A transport failure is not remembered, so the next bubble asks again; a missing file is.
    if (r.ok) remember(mediaId, r.value.dataUrl);
    else if (r.error.code === 'not_found') remember(mediaId, null);
  });
}

/**
 * The `data:image/…` URL of media-library file `mediaId` (templates:mediaThumbnail), or null while
 * it is being fetched, when there is none (not a JPEG/PNG, over 1 MiB, gone), or for a null id.
 * Asks the main process once per file: answers are cached for the session (the last 32 files), so
 * stepping through recipients that share a header image sends no further requests.
 */
export function useMediaThumbnail(mediaId: number | null): string | null {
  useEffect(() => {
    if (mediaId !== null) ask(mediaId);
  }, [mediaId]);
  return useSyncExternalStore(subscribe, () => (mediaId === null ? null : (answers.get(mediaId) ?? null)));
}
