/** Bits of a SeenFilter: 2^26 (8 MiB), ~0.1 % false positives after 2,000,000 keys (1,000,000 rows). */
const BITS_LOG2 = 26;
/** Bits per block: one 64-byte cache line (16 words of 32 bits). */
const BLOCK_WORDS_LOG2 = 4;
const BLOCKS_MASK = (1 << (BITS_LOG2 - 5 - BLOCK_WORDS_LOG2)) - 1;

/**
 * A blocked Bloom filter of strings (email addresses, phone numbers) an import has already written:
 * `testAndAdd` records a key and says whether it may have been recorded before: never false for a key
 * added earlier, rarely true for another (a false positive). Lets the import send a row that may match
 * a contact of the same file to the one-row path before trying it in a multi-row INSERT (a failed chunk
 * costs more than the rows it would have saved).
 *
 * Why blocked: the three bits of a key lie in one 64-byte block (Putze, Sanders & Singler, "Cache-,
 * Hash- and Space-Efficient Bloom Filters", 2007), so a key costs one cache miss in the 8 MiB array
 * instead of three, for a slightly higher false-positive rate. One pass tests and sets. Hashes: 32-bit
 * FNV-1a picks the block, a multiplicative hash over the UTF-16 code units the bits.
 */
export class SeenFilter {
  private readonly words = new Int32Array(1 << (BITS_LOG2 - 5));

  /** Records `key`; true when it may have been recorded before, false when it certainly was not. */
  testAndAdd(key: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 + ch, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0x5bd1e995);
    const base = (h1 & BLOCKS_MASK) << BLOCK_WORDS_LOG2;
    let seen = true;
    // Three 9-bit positions (word 4 bits, bit 5 bits) within the block, from h2.
    for (let p = 0; p < 3; p++) {
      const pos = (h2 >>> (9 * p)) & 511;
      const w = base + (pos >>> 5);
      const bit = 1 << (pos & 31);
      const word = this.words[w]!;
      if ((word & bit) === 0) {
        seen = false;
        this.words[w] = word | bit;
      }
    }
    return seen;
  }
}
