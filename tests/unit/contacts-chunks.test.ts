/*
 * The import's multi-row INSERT path (resolveAll: chunks of new contacts, a Bloom filter of the
 * addresses already written, a row-at-a-time fallback when a chunk hits a saved contact) must leave
 * exactly the database and the outcomes that the one-row path gives, row after row.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExistingPolicy } from '../../src-main/contract';
import { ChunkInserter, INSERT_CHUNK } from '../../src-main/contacts/insert-chunks';
import type { Candidate } from '../../src-main/contacts/prepare';
import { writingResolver } from '../../src-main/contacts/resolve';
import { SeenFilter } from '../../src-main/contacts/seen-filter';
import type { Store } from '../../src-main/store/db';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

const SAVED = 40;
const ROWS = 700;

const email = (i: number) => `user${i}@example${i % 7}.com`;
const phone = (i: number) => `+4479${String(i).padStart(8, '0')}`;

/** Contacts saved before the import: some share an email, a phone or both with rows of the file. */
function seed(store: Store): number {
  const db = store.sqlite;
  const ins = db.prepare(
    'INSERT INTO contacts (first_name, email, phone, attributes, whatsapp_consent) VALUES (?, ?, ?, ?, ?)',
  );
  for (let s = 0; s < SAVED; s++) {
    const i = 13 * s + 5;
    // Email only, phone only, both, and both but the phone of another row (an email/phone conflict).
    const kind = s % 4;
    ins.run(
      s % 3 === 0 ? null : `Saved${s}`,
      kind === 1 ? null : email(i),
      kind === 0 ? null : kind === 3 ? phone(i + 1) : phone(i),
      JSON.stringify(s % 2 ? { city: `Old ${s}` } : {}),
      s % 5 === 0 ? 'denied' : null,
    );
  }
  return Number(
    db.prepare("INSERT INTO imports (file_name, status) VALUES ('t.csv', 'running')").run().lastInsertRowid,
  );
}

/** Rows of a file: runs of new contacts broken by in-file duplicates (email, phone), saved matches, gaps. */
function candidates(): Candidate[] {
  return Array.from({ length: ROWS }, (_, r) => {
    const dupOf = r % 29 === 28 ? r - 11 : r % 41 === 40 ? r - 3 : r;
    const byPhoneOnly = r % 41 === 40;
    const c: Candidate = {
      line: r + 2,
      firstName: r % 6 === 0 ? null : `First${r}`,
      lastName: `Last ${r}`,
      email: byPhoneOnly ? `other${r}@example.org` : r % 17 === 3 ? null : email(dupOf),
      phone: r % 19 === 4 ? null : phone(dupOf),
      phoneType: r % 2 ? 'MOBILE' : 'FIXED_LINE',
      language: r % 5 === 0 ? 'de' : null,
      emailConsent: r % 3 === 0 ? 'granted' : null,
      whatsappConsent: r % 7 === 0 ? 'granted' : null,
      preferredChannel: r % 11 === 0 ? 'whatsapp' : null,
      tags: [],
      attributes: r % 4 === 0 ? '{}' : JSON.stringify({ city: `City ${r % 9}`, company: `Firm ${r}` }),
    };
    if (c.email === null && c.phone === null) c.email = `only${r}@example.net`;
    return c;
  });
}

function dump(store: Store): unknown[] {
  return store.sqlite
    .prepare(
      'SELECT id, first_name, last_name, email, phone, phone_type, language, email_consent, whatsapp_consent, preferred_channel, attributes, import_id FROM contacts ORDER BY id',
    )
    .all();
}

let stores: TempStore[] = [];
afterEach(() => {
  stores.forEach((s) => s.dispose());
  stores = [];
  vi.restoreAllMocks();
});

describe('multi-row import inserts', () => {
  it.each<ExistingPolicy>(['fill', 'overwrite', 'skip'])(
    'give the same contacts and outcomes as one row at a time (%s)',
    (policy) => {
      const [fast, slow] = [openTempStore(), openTempStore()];
      stores.push(fast, slow);
      const importId = seed(fast.store);
      expect(seed(slow.store)).toBe(importId);
      const chunk = vi.spyOn(ChunkInserter.prototype, 'tryInsert');
      const cs = candidates();
      // In batches, as the sink writes them (the filter lives across batches).
      const fastResolver = writingResolver(fast.store.sqlite, importId, policy);
      const fastOut = [0, 250, 500].flatMap((from) =>
        fast.store.sqlite.transaction(() => fastResolver.resolveAll(cs.slice(from, from + 250)))(),
      );
      const slowResolver = writingResolver(slow.store.sqlite, importId, policy);
      const slowOut = slow.store.sqlite.transaction(() => cs.map((c) => slowResolver.resolve(c)))();

      expect(fastOut).toEqual(slowOut);
      expect(dump(fast.store)).toEqual(dump(slow.store));
      // The fast path ran, wrote whole chunks, and fell back at least once on a saved contact.
      const results = chunk.mock.results.map((r) => r.value as number | null);
      expect(results.filter((v) => v !== null).length).toBeGreaterThan(ROWS / INSERT_CHUNK / 2);
      expect(results).toContain(null);
      expect(slowOut.filter((o) => o.kind === 'duplicate').length).toBeGreaterThan(20);
      expect(slowOut.filter((o) => o.kind === 'existing').length).toBeGreaterThan(10);
    },
  );
});

describe('SeenFilter', () => {
  it('knows every key added and few others', () => {
    const f = new SeenFilter();
    const key = (i: number) => (i % 2 ? email(i) : phone(i));
    let fresh = 0;
    for (let i = 0; i < 200_000; i++) if (!f.testAndAdd(key(i))) fresh++;
    for (let i = 0; i < 200_000; i++) expect(f.testAndAdd(key(i))).toBe(true);
    let falsePositives = 0;
    for (let i = 200_000; i < 400_000; i++) if (f.testAndAdd(key(i))) falsePositives++;
    // 200,000 to 400,000 keys in 2^26 bits: well under 0.1 % each.
    expect(fresh).toBeGreaterThan(199_900);
    expect(falsePositives).toBeLessThan(200);
    expect(new SeenFilter().testAndAdd('')).toBe(false);
  });
});
