import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { AppError, type MediaFile } from '../contract';
import { checkMedia, mediaKindOf, sniffMimeType } from '../channels/whatsapp/media';
import type { Store } from '../store/db';
import { waMedia } from '../store/schema';

/** A library file with where its bytes are on disk. */
export interface StoredMedia extends MediaFile {
  /** Absolute path of the stored copy. */
  path: string;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/** The folder of the media library: `<data folder>/media`, the data folder being where herald.db is. */
export function mediaDir(store: Store): string {
  return mediaDirOf(store.sqlite);
}

function mediaDirOf(sqlite: Database.Database): string {
  return join(dirname(sqlite.name), 'media');
}

type Row = typeof waMedia.$inferSelect;

function toStored(store: Store, r: Row): StoredMedia {
  return toStoredIn(mediaDir(store), r);
}

function toStoredIn(dir: string, r: Row): StoredMedia {
  return {
    id: r.id,
    fileName: r.fileName,
    mimeType: r.mimeType,
    kind: r.kind as MediaFile['kind'],
    bytes: r.bytes,
    createdAt: r.createdAt,
    path: join(dir, r.storedAs),
  };
}

/**
 * Adds a header file to the library. The MIME type the renderer claims must agree with the file's
 * magic number where one is known (JPEG, PNG, PDF, MP4/3GPP), and type and size must be within
 * WhatsApp's limits (channels/whatsapp/media.ts). The file is written atomically as
 * `<sha256>.<ext>`; adding the same bytes again returns the existing row. Throws AppError('bad_file').
 */
export function saveMedia(store: Store, fileName: string, claimedMime: string, data: Buffer): MediaFile {
  const sniffed = sniffMimeType(data);
  const mimeType = (sniffed ?? claimedMime).toLowerCase();
  if (sniffed && claimedMime && sniffed !== claimedMime.toLowerCase() && mediaKindOf(claimedMime)) {
    throw new AppError('bad_file', `${fileName} says it is ${claimedMime} but its content is ${sniffed}.`);
  }
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    throw new AppError(
      'bad_file',
      `${fileName} (${mimeType || 'unknown type'}) cannot be a WhatsApp header: use a JPEG or PNG image, an MP4 video or a PDF/Office document.`,
    );
  }
  const problem = checkMedia(kind, mimeType, data.length);
  if (problem) throw new AppError('bad_file', `${fileName}: ${problem}`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const existing = store.db.select().from(waMedia).where(eq(waMedia.sha256, sha256)).get();
  if (existing) return strip(toStored(store, existing));
  const storedAs = `${sha256}.${EXTENSIONS[mimeType] ?? 'bin'}`;
  const dir = mediaDir(store);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, storedAs);
  writeFileSync(`${target}.part`, data);
  renameSync(`${target}.part`, target);
  const row = store.db
    .insert(waMedia)
    .values({ fileName, mimeType, kind, bytes: data.length, sha256, storedAs })
    .returning()
    .get();
  return strip(toStored(store, row));
}

function strip(m: StoredMedia): MediaFile {
  const { path: _path, ...file } = m;
  return file;
}

/** Library files, newest first. */
export function listMedia(store: Store): MediaFile[] {
  return store.db
    .select()
    .from(waMedia)
    .orderBy(desc(waMedia.id))
    .all()
    .map((r) => strip(toStored(store, r)));
}

/** One library file with its path, or null. */
export function getMedia(store: Store, id: number): StoredMedia | null {
  const row = store.db.select().from(waMedia).where(eq(waMedia.id, id)).get();
  return row ? toStored(store, row) : null;
}

/**
 * One media file by id over a raw connection (the send worker has no ORM), or null. Same result as
 * {@link getMedia}.
 */
export function mediaFileById(sqlite: Database.Database, id: number): StoredMedia | null {
  const row = sqlite
    .prepare(
      `SELECT id, file_name AS fileName, mime_type AS mimeType, kind, bytes, sha256, stored_as AS storedAs,
              created_at AS createdAt FROM wa_media WHERE id = ?`,
    )
    .get(id) as Row | undefined;
  return row ? toStoredIn(mediaDirOf(sqlite), row) : null;
}
