/** Bits of a SeenFilter: 2^26 (8 MiB), ~0.1 % false positives after 2,000,000 keys (1,000,000 rows). */
const BITS_LOG2 = 26;
const MASK = (1 << BITS_LOG2) - 1;
/** Bits set per key. */
const PROBES = 3;

/**
 * A Bloom filter of strings (email addresses, phone numbers) an import has already written: `has` is
 * true for every key given to `add` and, rarely, for others (false positives), never false for a key
 * added. Lets the import send a row that may match a contact of the same file to the one-row path
 * before trying it in a multi-row INSERT (a failed chunk costs more than the rows it would have saved).
 * Hashes: 32-bit FNV-1a and a second multiplicative hash over the UTF-16 code units, combined by
 * double hashing (Kirsch & Mitzenmacher, "Less hashing, same performance", 2006).
 */
export class SeenFilter {
  private readonly bits = new Int32Array(1 << (BITS_LOG2 - 5));

  private static hashes(key: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 + ch, 0x5bd1e995) ^ (h2 >>> 15);
    }
    return [h1 >>> 0, (h2 | 1) >>> 0];
  }

  /** Records `key`. */
  add(key: string): void {
    const [h1, h2] = SeenFilter.hashes(key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & MASK;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False when `key` was never added; true when it was (or, rarely, when it was not). */
  has(key: string): boolean {
    const [h1, h2] = SeenFilter.hashes(key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & MASK;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
