/*
 * The fast path of a large import: the compact wire form between threads, the shared RegExp cache of
 * the prepare threads, the prepare pool (a real worker thread) and the writer preparing batches itself
 * while it would wait. Each must give exactly what the plain inline path gives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ColumnPlan, guessFields, planFromFields } from '../../src-main/contacts/mapping';
import { type PrepareContext, type PrepareWork, prepareWork } from '../../src-main/contacts/prepare-work';
import { normalisePhone } from '../../src-main/contacts/normalise';
import { type PipelineHooks, runPipeline } from '../../src-main/contacts/pipeline';
import { type PreparedRow, prepareRecord } from '../../src-main/contacts/prepare';
import { PreparePool } from '../../src-main/contacts/prepare-pool';
import { installRegExpCache } from '../../src-main/contacts/regexp-cache';
import type { RawRecord } from '../../src-main/contacts/source';
import { packPrepared, packRecords, unpackPrepared, unpackRecords } from '../../src-main/contacts/wire';
import type { Store } from '../../src-main/store/db';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

const HEADERS = ['First Name', 'Last Name', 'E-mail 1 - Value', 'Mobile Phone', 'WhatsApp Phone Number'];
const EXTRA = ['Email Opt In', 'Tags', 'Preferred Channel', 'City'];
const PHONES = [
  '+44 7911 123456',
  '07911 123457',
  '0049 151 23456789',
  '12345',
  '+33 6 12 34 56 78',
  'abc',
  '',
];

/** A varied row: valid and invalid phones and emails, ` ::: ` cells, consent, tags, duplicates. */
function row(i: number): string[] {
  const id = i % 17 === 16 ? i - 5 : i;
  const email = i % 11 === 3 ? `bad${i}.example.com` : `User${id}@Example${id % 7}.com`;
  const mobile = i % 13 === 0 ? PHONES[i % PHONES.length]! : `+4479${String(id).padStart(8, '0')}`;
  const wa =
    i % 5 === 0 ? `${PHONES[(i >> 1) % PHONES.length]} ::: 07700 9${String(id).padStart(5, '0')}` : '';
  return [
    i % 9 === 0 ? '' : `Name${i}`,
    `Tester ${i}`,
    i % 23 === 0 ? '' : email,
    mobile,
    wa,
    ['yes', 'no', '', 'ja', 'maybe'][i % 5]!,
    i % 4 === 0 ? 'vip; spring' : '',
    ['email', 'WhatsApp', '', 'pigeon'][i % 4]!,
    `"City, ${i % 30}"`,
  ];
}

function records(n: number): RawRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    fields: row(i).map((f) => f.replace(/"/g, '')),
  }));
}

const headers = [...HEADERS, ...EXTRA];
const plan: ColumnPlan[] = planFromFields(headers, guessFields(headers));
const inline = (recs: RawRecord[], p: ColumnPlan[], cc: string): PreparedRow[] =>
  recs.map((r) => prepareRecord(r, p, cc));
const ctx: PrepareContext = { plan, defaultCountry: 'GB', headers, delimiter: ',', checkUtf8: true };

describe('wire form', () => {
  it('packs and unpacks records and prepared rows without a difference', () => {
    const recs = records(400);
    const rows = inline(recs, plan, 'GB');
    expect(rows.some((r) => r.candidate === null)).toBe(true);
    expect(rows.some((r) => r.issues.length > 1)).toBe(true);
    expect(rows.some((r) => (r.candidate?.tags.length ?? 0) > 0)).toBe(true);
    expect(unpackRecords(structuredClone(packRecords(recs)))).toEqual(recs);
    expect(unpackPrepared(structuredClone(packPrepared(rows)))).toEqual(rows);
  });
});

describe('shared RegExp cache', () => {
  it('returns one object per flagless source and changes no result', () => {
    const inputs = [
      '+44 7911 123456',
      '07911 123456',
      '+1 212 555 0100',
      '0049 151 2345678',
      '+7 912 345 67 89',
      '+44 1534 123456',
      '12345',
      '+999 123',
      '020 7946 0018',
      '+33 1 23 45 67 89',
    ];
    const before = inputs.map((p) => normalisePhone(p, 'GB'));
    installRegExpCache();
    installRegExpCache(); // twice is harmless
    expect(new RegExp('^(?:a+)$')).toBe(new RegExp('^(?:a+)$'));
    expect(new RegExp('a', 'g')).not.toBe(new RegExp('a', 'g'));
    expect(new RegExp('a+')).toBeInstanceOf(RegExp);
    expect(RegExp('b+').test('bb')).toBe(true);
    class Sub extends RegExp {}
    expect(new Sub('c')).toBeInstanceOf(Sub);
    expect('a-b-c'.split(new RegExp('-'))).toEqual(['a', 'b', 'c']);
    expect('x1y2'.replace(new RegExp('\\d', 'g'), '#')).toBe('x#y#');
    expect(inputs.map((p) => normalisePhone(p, 'GB'))).toEqual(before);
    expect(inputs.map((p) => normalisePhone(p, 'GB'))).toEqual(before);
  });
});

describe('prepare pool', () => {
  const pool = new PreparePool(1);
  afterAll(() => pool.close());

  it('prepares in a worker thread exactly as inline', async () => {
    const recs = records(3000);
    const [a, b] = await Promise.all([
      pool.prepare({ records: recs.slice(0, 1500) }, ctx),
      pool.prepare({ records: recs.slice(1500) }, ctx),
    ]);
    expect([...a.rows, ...b.rows]).toEqual(inline(recs, plan, 'GB'));
    // A segment is parsed and checked there too, with its problems and line numbers.
    const segment = { text: `${row(1).join(',')}\nonly,two\n\n${row(2).join(',')}\n`, firstLine: 40 };
    const there = await pool.prepare({ segment }, ctx);
    expect(there).toEqual(prepareWork({ segment }, ctx));
    expect(there.readIssues.map((i) => [i.line, i.code])).toEqual([[41, 'ragged_row']]);
    expect(there.rows.map((r) => r.candidate?.line ?? r.issues[0]?.line)).toEqual([40, 43]);
  });
});

describe('writer preparing while it would wait', () => {
  let a: TempStore;
  let b: TempStore;
  beforeEach(() => {
    a = openTempStore();
    b = openTempStore();
  });
  afterEach(() => {
    a.dispose();
    b.dispose();
  });

  const csv = [headers.join(','), ...Array.from({ length: 9000 }, (_, i) => row(i).join(','))].join('\n');
  const run = (t: TempStore, hooks: Pick<PipelineHooks, 'prepare' | 'prepareHere'>) => {
    const path = join(t.dir, 'big.csv');
    writeFileSync(path, csv);
    return runPipeline(
      t.store.sqlite,
      {
        path,
        fileName: 'big.csv',
        totalBytes: csv.length,
        defaultCountry: 'GB',
        listId: null,
        input: { read: {}, fields: null, existing: 'fill', tags: ['batch'], dryRun: false },
      },
      { signal: new AbortController().signal, onProgress: () => {}, inFlight: 3, ...hooks },
    );
  };
  const dump = (s: Store) => ({
    contacts: s.sqlite
      .prepare(
        'SELECT id, first_name, last_name, email, phone, phone_type, email_consent, whatsapp_consent, preferred_channel, attributes FROM contacts ORDER BY id',
      )
      .all(),
    issues: s.sqlite
      .prepare('SELECT line, field, code, message, value FROM import_issues ORDER BY line, id')
      .all(),
    tags: s.sqlite.prepare('SELECT tag_id, contact_id FROM contact_tags ORDER BY contact_id, tag_id').all(),
  });

  it('writes exactly what the inline path writes', async () => {
    // "Elsewhere" answers two event-loop turns late (the writer looks once), or as soon as this
    // thread has prepared a batch itself: the writer must find the oldest batch unready and help.
    const held: (() => void)[] = [];
    let here = 0;
    const slow: PipelineHooks['prepare'] = (work, c) =>
      new Promise((resolve) => {
        let done = false;
        const release = () => {
          if (!done) resolve(prepareWork(work, c));
          done = true;
        };
        held.push(release);
        setImmediate(() => setImmediate(release));
      });
    const prepareHere = (work: PrepareWork, c: PrepareContext) => {
      here++;
      held.splice(0).forEach((release) => release());
      return prepareWork(work, c);
    };
    const fast = await run(a, { prepare: async (work, c) => prepareWork(work, c) });
    const mixed = await run(b, { prepare: slow, prepareHere });
    expect(here).toBeGreaterThan(0);
    expect(mixed.result.rows).toBe(9000);
    const { importId: _a, ...fastResult } = fast.result;
    const { importId: _b, ...mixedResult } = mixed.result;
    expect(mixedResult).toEqual(fastResult);
    expect(dump(b.store)).toEqual(dump(a.store));
  });
});
