import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

/** Bytes per read from disk (1 MiB): big enough for throughput, small enough to keep memory flat. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Streams a text file as decoded strings with every line ending (CRLF, lone CR) turned into LF, so
 * line numbers and quoted multi-line values behave the same whatever wrote the file. Decoding is
 * iconv-lite's streaming decoder (a BOM is dropped; bytes invalid in `encoding` become U+FFFD); a
 * CR at the end of a chunk is held back until the next chunk shows whether an LF follows.
 * Memory stays at one chunk whatever the file size; `progress.bytes` counts the bytes read. Rejects with the fs error when the file cannot be read.
 */
export async function* decodeFile(
  path: string,
  encoding: string,
  signal?: AbortSignal,
  progress?: { bytes: number },
): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  let carry = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) return;
      if (progress) progress.bytes += chunk.length;
      const text = carry + decoder.write(chunk);
      const cut = text.endsWith('\r') ? text.length - 1 : text.length;
      carry = text.slice(cut);
      if (cut > 0) yield normaliseNewlines(text.slice(0, cut));
    }
    const rest = carry + (decoder.end() ?? '');
    if (rest !== '') yield normaliseNewlines(rest);
  } finally {
    stream.destroy();
  }
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Decodes a whole (small) buffer the same way as `decodeFile`. */
export function decodeBuffer(bytes: Uint8Array, encoding: string): string {
  return normaliseNewlines(
    iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding),
  );
}
