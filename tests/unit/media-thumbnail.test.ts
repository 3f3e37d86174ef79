import { createHash } from 'node:crypto';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../src-main/app';
import { MEDIA_THUMBNAIL_MAX_BYTES, type MediaFile, type RequestOutput } from '../../src-main/contract';
import { PNG } from '../support/fake-cloud-api/library-rig';
import { type TempApp, openTempApp } from '../fixtures/temp-app';

let dir: string;
let app: HeraldApp;

let temp: TempApp;

beforeEach(async () => {
  temp = await openTempApp('herald-thumb-');
  ({ dir, app } = temp);
});
afterEach(() => temp.dispose());

/** Adds `data` to the media library through the app, as the renderer does. */
async function upload(fileName: string, mimeType: string, data: Buffer): Promise<MediaFile> {
  const r = await app.dispatch('templates:uploadMedia', {
    fileName,
    mimeType,
    base64: data.toString('base64'),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as MediaFile;
}

async function thumbnail(mediaId: number): Promise<string | null> {
  const r = await app.dispatch('templates:mediaThumbnail', { mediaId });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.value as RequestOutput<'templates:mediaThumbnail'>).dataUrl;
}

/** Where the library keeps the copy of `data` (named by its SHA-256). */
function storedPath(data: Buffer): string {
  const sha = createHash('sha256').update(data).digest('hex');
  const name = readdirSync(join(dir, 'media')).find((f) => f.startsWith(sha));
  if (!name) throw new Error('stored copy not found');
  return join(dir, 'media', name);
}

/** `data` as a data URL, decoded back to its media type and bytes. */
function decode(url: string): { mime: string; bytes: Buffer } {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  if (!m) throw new Error(`not a base64 image data URL: ${url.slice(0, 40)}`);
  return { mime: m[1]!, bytes: Buffer.from(m[2]!, 'base64') };
}

/** A PNG signature followed by `size - 8` filler bytes: a PNG by its magic number. */
function pngOfSize(size: number): Buffer {
  const b = Buffer.alloc(size, 0x41);
  PNG.copy(b, 0, 0, 8);
  return b;
}

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0 jpeg body'),
]);

describe('templates:mediaThumbnail', () => {
  it('returns a library PNG and JPEG as data URLs that decode to the stored bytes', async () => {
    const png = await upload('welcome.png', 'image/png', PNG);
    expect(decode((await thumbnail(png.id))!)).toEqual({ mime: 'image/png', bytes: PNG });
    const jpeg = await upload('photo.jpg', 'image/jpeg', JPEG);
    expect(decode((await thumbnail(jpeg.id))!)).toEqual({ mime: 'image/jpeg', bytes: JPEG });
  });

  it('takes an image of exactly 1 MiB and returns null for one byte more', async () => {
    const exact = pngOfSize(MEDIA_THUMBNAIL_MAX_BYTES);
    const fits = await upload('exact.png', 'image/png', exact);
    expect(decode((await thumbnail(fits.id))!).bytes.equals(exact)).toBe(true);
    const big = await upload('big.png', 'image/png', pngOfSize(MEDIA_THUMBNAIL_MAX_BYTES + 1));
    expect(big.kind).toBe('image');
    expect(await thumbnail(big.id)).toBeNull();
  });

  it('returns null for a document, and for an "image" whose bytes are not JPEG or PNG', async () => {
    const pdf = await upload('terms.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.kind).toBe('document');
    expect(await thumbnail(pdf.id)).toBeNull();
    // No magic number to contradict the claim, so the library stores it as an image.
    const fake = await upload(
      'fake.png',
      'image/png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(fake.kind).toBe('image');
    expect(await thumbnail(fake.id)).toBeNull();
  });

  it('judges the bytes on disk, not what the database recorded', async () => {
    const png = await upload('welcome.png', 'image/png', PNG);
    const path = storedPath(PNG);
    writeFileSync(path, Buffer.from('GIF89a not a png'));
    expect(await thumbnail(png.id)).toBeNull();
    writeFileSync(path, pngOfSize(2 * MEDIA_THUMBNAIL_MAX_BYTES));
    expect(await thumbnail(png.id)).toBeNull();
    unlinkSync(path);
    expect(await thumbnail(png.id)).toBeNull();
  });

  it('answers not_found, with a message, for an unknown id', async () => {
    const r = await app.dispatch('templates:mediaThumbnail', { mediaId: 4242 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_found');
      expect(r.error.message).toMatch(/#4242 is not in the media library/);
    }
    const bad = await app.dispatch('templates:mediaThumbnail', { mediaId: 0 });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
  });
});
