/**
 * Decodes an uploaded text file. `File.text()` assumes UTF-8 and silently replaces other bytes, but
 * spreadsheet exports are often UTF-16 ("Unicode text", with a BOM) or Windows-1252 ("CSV" from Excel
 * on Windows). Order: BOM (UTF-8, UTF-16LE/BE) → strict UTF-8 → Windows-1252, which maps every byte.
 * Encoding labels from the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return decode('utf-16be', bytes.subarray(2));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decode('windows-1252', bytes);
  }
}

function decode(encoding: string, bytes: Uint8Array): { text: string; encoding: string } {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
