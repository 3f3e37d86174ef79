import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, UPLOAD_CHUNK_BYTES } from '../contract';

/** A file sent by the renderer, stored in the data folder's `uploads/`. */
export interface Upload {
  id: string;
  fileName: string;
  /** Announced size in bytes. */
  size: number;
  path: string;
  received: number;
  nextIndex: number;
  done: boolean;
}

/** Uploads older than this are removed at start-up (24 h, in ms). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Chunked uploads into temp files. The renderer is sandboxed (or a browser page) and cannot pass a
 * path, so a file travels as base64 chunks of ≤ 1 MiB through the request contract
 * (`uploadBegin` → `uploadChunk` in order → `uploadEnd`) and is then read as a stream from disk.
 * Throws AppError('not_found') for an unknown upload and AppError('invalid_input') for a chunk out of
 * order, too large, or beyond the announced size.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      try {
        if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
      } catch {
        // Another process removed it first.
      }
    }
  }

  begin(fileName: string, size: number): { uploadId: string; chunkBytes: number } {
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, `${id}.upload`);
    writeFileSync(path, '');
    this.uploads.set(id, { id, fileName, size, path, received: 0, nextIndex: 0, done: size === 0 });
    return { uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  private find(id: string): Upload {
    const u = this.uploads.get(id);
    if (!u)
      throw new AppError('not_found', 'This upload is unknown or was discarded. Choose the file again.');
    return u;
  }

  chunk(id: string, index: number, base64: string): { received: number } {
    const u = this.find(id);
    if (u.done) throw new AppError('invalid_input', 'This upload is already complete.');
    if (index !== u.nextIndex)
      throw new AppError(
        'invalid_input',
        `Upload chunk ${index} arrived, chunk ${u.nextIndex} was expected.`,
      );
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > UPLOAD_CHUNK_BYTES || u.received + bytes.length > u.size)
      throw new AppError('invalid_input', 'The upload is larger than announced.');
    appendFileSync(u.path, bytes);
    u.received += bytes.length;
    u.nextIndex++;
    return { received: u.received };
  }

  end(id: string): { bytes: number } {
    const u = this.find(id);
    if (u.received !== u.size)
      throw new AppError(
        'invalid_input',
        `The upload is incomplete: ${u.received} of ${u.size} bytes arrived.`,
      );
    u.done = true;
    return { bytes: u.size };
  }

  /** A complete upload. Throws AppError('not_found') or ('invalid_input') when it is not complete. */
  get(id: string): Upload {
    const u = this.find(id);
    if (!u.done) throw new AppError('invalid_input', 'The upload is not complete yet.');
    return u;
  }

  /** Stores text given in one piece (the one-shot `contacts:import`) as a complete UTF-8 upload. */
  fromText(fileName: string, content: string): Upload {
    const bytes = Buffer.from(content, 'utf8');
    const { uploadId } = this.begin(fileName, bytes.length);
    const u = this.find(uploadId);
    appendFileSync(u.path, bytes);
    Object.assign(u, { received: bytes.length, done: true });
    return u;
  }

  discard(id: string): void {
    const u = this.uploads.get(id);
    if (!u) return;
    this.uploads.delete(id);
    rmSync(u.path, { force: true });
  }

  /** Removes every upload of this session. */
  clear(): void {
    for (const id of [...this.uploads.keys()]) this.discard(id);
  }
}
