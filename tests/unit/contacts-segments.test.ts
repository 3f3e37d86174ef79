/*
 * Segments of CSV text parsed one by one (in the prepare threads) must give exactly the records, line
 * numbers and problems of parsing the whole text in order: checked on thousands of random files full
 * of quoting, broken quotes, blank lines and ragged rows, cut and pushed at random places.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../src-main/contract';
import { csvItems } from '../../src-main/contacts/csv-items';
import { CsvSegmenter } from '../../src-main/contacts/csv-segments';
import { CsvRecordReader, type RawRecord } from '../../src-main/contacts/csv-stream';
import { importFile, recordedIssues } from '../fixtures/import-run';
import { type TempStore, openTempStore } from '../fixtures/temp-store';
import { prng } from '../support/prng';

const FIELDS = [
  'a',
  '',
  ' x ',
  'Ann Lee',
  '"quoted"',
  '"a,b"',
  '"a;b"',
  '"two\nlines"',
  '"say ""hi"""',
  '""',
  '5" screen',
  'it"s',
  '"bad"x',
  '"spaced" ',
  '"unclosed',
  'end"',
];

function randomCsv(random: () => number, delimiter: string): string {
  const rows: string[] = [];
  const n = 1 + Math.floor(random() * 30);
  for (let r = 0; r < n; r++) {
    const roll = random();
    if (roll < 0.05) rows.push('');
    else if (roll < 0.08) rows.push(delimiter.repeat(3));
    else {
      const width = 1 + Math.floor(random() * 4);
      const fields = Array.from({ length: width }, () => {
        // Mostly well-formed values, now and then a broken one.
        const pick = random() < 0.85 ? Math.floor(random() * 10) : Math.floor(random() * FIELDS.length);
        return FIELDS[pick]!.replace(/,/g, delimiter === ',' ? ',' : delimiter);
      });
      rows.push(fields.join(delimiter));
    }
  }
  return rows.join('\n') + (random() < 0.7 ? '\n' : '');
}

function pieces(random: () => number, text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    const len = 1 + Math.floor(random() * 40);
    out.push(text.slice(at, at + len));
    at += len;
  }
  return out;
}

type Parsed = { records: RawRecord[]; issues: ImportIssue[] };

function sequential(parts: string[], delimiter: string): Parsed {
  const issues: ImportIssue[] = [];
  const reader = new CsvRecordReader(delimiter, (i) => issues.push(i));
  const records = parts.flatMap((p) => reader.push(p));
  records.push(...reader.end());
  return { records, issues };
}

/** What csvItems and the prepare threads do: segments parsed alone, or the reader after a hand-over. */
function segmented(parts: string[], delimiter: string, per: number): Parsed & { segments: number } {
  const issues: ImportIssue[] = [];
  const records: RawRecord[] = [];
  let segments = 0;
  const segmenter = new CsvSegmenter(delimiter, 1, per);
  let reader: CsvRecordReader | null = null;
  const take = (out: ReturnType<CsvSegmenter['push']>) => {
    for (const s of out.segments) {
      segments++;
      const r = new CsvRecordReader(delimiter, (i) => issues.push(i), s.firstLine);
      records.push(...r.push(s.text), ...r.end());
    }
    if (out.sequential) {
      reader = new CsvRecordReader(delimiter, (i) => issues.push(i), out.sequential.line);
      records.push(...reader.push(out.sequential.text));
    }
  };
  for (const p of parts) {
    if (reader) records.push(...(reader as CsvRecordReader).push(p));
    else take(segmenter.push(p));
  }
  if (!reader) take(segmenter.end());
  if (reader) records.push(...(reader as CsvRecordReader).end());
  return { records, issues, segments };
}

describe('CSV segments', () => {
  it('parse to exactly the records, lines and problems of one sequential parse', () => {
    const random = prng(7);
    let withSegments = 0;
    for (let k = 0; k < 4000; k++) {
      const delimiter = [',', ';', '\t', '|'][k % 4]!;
      const text = randomCsv(random, delimiter);
      const parts = pieces(random, text);
      const per = 1 + Math.floor(random() * 5);
      const a = sequential(parts, delimiter);
      const b = segmented(parts, delimiter, per);
      if (b.segments > 1) withSegments++;
      expect({ text, ...b, segments: undefined }).toEqual({ text, ...a, segments: undefined });
    }
    expect(withSegments).toBeGreaterThan(1000);
  });

  it('hands a broken quote to the sequential reader, which reports it at its line', () => {
    const seg = new CsvSegmenter(',', 2, 2);
    const out = seg.push('a,b\nc,d\ne,"f"x\ng,h\n');
    expect(out.segments).toEqual([{ text: 'a,b\nc,d\n', firstLine: 2 }]);
    expect(out.sequential).toEqual({ text: 'e,"f"x\ng,h\n', line: 4 });
    expect(() => seg.push('x')).toThrow();
  });

  it('numbers the lines after a broken quote by the file, however the text arrives', () => {
    const text = 'a;b\n"x\ny";"bad"x\nc;d\n"q";e\nf\n';
    for (const parts of [[text], text.match(/[\s\S]{1,3}/g)!]) {
      const { records, issues } = sequential(parts, ';');
      expect(records.map((r) => r.line)).toEqual([1, 4, 5, 6]);
      expect(issues.map((i) => i.line)).toEqual([2, 3]);
    }
  });

  it('cuts a segment of long rows by its size before its record count', () => {
    const row = `${'x'.repeat(100 * 1024)}\n`;
    const out = new CsvSegmenter(',', 2, 1000).push(row.repeat(12));
    // 512 KiB is reached within the sixth row of about 100 KiB: six rows a segment.
    expect(out.segments.map((s) => [s.firstLine, s.text.length])).toEqual([
      [2, 6 * row.length],
      [8, 6 * row.length],
    ]);
  });

  it('keeps a record that is still arriving, and a quoted value with line feeds, whole', () => {
    const seg = new CsvSegmenter(';', 1, 1);
    expect(seg.push('"multi\nline";x\n"open').segments).toEqual([
      { text: '"multi\nline";x\n', firstLine: 1 },
    ]);
    expect(seg.push(' value";y').segments).toEqual([]);
    expect(seg.end()).toEqual({ segments: [{ text: '"open value";y\n', firstLine: 3 }], sequential: null });
  });
});

describe('csvItems', () => {
  let t: TempStore | null = null;
  afterEach(() => t?.dispose());

  it('parses the first piece here and sends the rest as segments, every row once at its line', async () => {
    t = openTempStore();
    const path = join(t.dir, 'items.csv');
    const rows = Array.from({ length: 500 }, (_, i) => `n${i},"x, ${i}\nsecond line"`);
    writeFileSync(path, `sep=,\nName,Note\n${rows.join('\n')}`);
    const seen: RawRecord[] = [];
    let segments = 0;
    for await (const item of csvItems(path, 'utf-8', ',', () => {}, 100)) {
      if ('records' in item) seen.push(...item.records);
      else {
        segments++;
        const r = new CsvRecordReader(',', () => {}, item.segment.firstLine);
        seen.push(...r.push(item.segment.text), ...r.end());
      }
    }
    expect(segments).toBeGreaterThan(3);
    expect(seen[0]).toEqual({ line: 2, fields: ['Name', 'Note'] });
    expect(seen.slice(1)).toEqual(
      rows.map((_, i) => ({ line: 3 + 2 * i, fields: [`n${i}`, `x, ${i}\nsecond line`] })),
    );
  });
});

describe('an import whose problems lie in the segments', () => {
  let t: TempStore | null = null;
  afterEach(() => t?.dispose());

  it('reports each at its file line and imports every good row', async () => {
    t = openTempStore();
    // 600 rows (well past the first 4 KiB read on the import thread), with a quoted value holding a
    // line feed every 50 rows, a ragged row, a quote followed by other text, and a value with an
    // inner quote (plain text, not a problem).
    const lines = ['Name,Email,Note'];
    const expected: [number, string][] = [];
    let line = 2; // the file line the next row starts on
    for (let i = 0; i < 600; i++) {
      if (i === 299 || i === 301 || i === 419) {
        lines.push(`Nobody ${i},not-an-email,x`);
        expected.push([line, 'invalid_email']);
      } else if (i === 300) {
        lines.push(`Ragged ${i},r${i}@x.io`);
        expected.push([line, 'ragged_row']);
      } else if (i === 420) {
        lines.push(`Bad ${i},b${i}@x.io,"oops"x`);
        expected.push([line, 'bad_quotes']);
      } else if (i % 50 === 7) {
        lines.push(`Multi ${i},m${i}@x.io,"first\nsecond"`);
        line++; // the quoted value's line feed
      } else lines.push(`Person ${i},p${i}@x.io,5" screen`);
      line++;
    }
    const { result } = await importFile(t.store, t.dir, `${lines.join('\n')}\n`);
    expect(recordedIssues(t.store, result.importId).map(([line, , code]) => [line, code])).toEqual(expected);
    expect(result).toMatchObject({ rows: 600, imported: 595 });
    // Recorded in line order too: read problems and the rows' own problems interleave by line.
    const byId = t.store.sqlite
      .prepare<[number], { line: number }>('SELECT line FROM import_issues WHERE import_id = ? ORDER BY id')
      .all(result.importId ?? 0)
      .map((r) => r.line);
    expect(byId).toEqual(expected.map(([line]) => line));
    expect(result.firstIssues.map((i) => i.line)).toEqual(expected.map(([line]) => line));
    const multi = t.store.sqlite
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM contacts WHERE attributes LIKE '%first\\nsecond%'",
      )
      .get();
    expect(multi?.n).toBe(12);
  });
});
