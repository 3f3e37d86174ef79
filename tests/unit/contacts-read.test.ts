import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../src-main/contract';
import { CsvRecordReader, MAX_PENDING_CHARS } from '../../src-main/contacts/csv-stream';
import { detectDelimiter, detectEncoding, fileKind } from '../../src-main/contacts/detect';
import { MAX_FIELD_CHARS, openSource } from '../../src-main/contacts/source';
import { READ_CHUNK_BYTES } from '../../src-main/contacts/text-stream';
import { FIXTURES_DIR } from '../fixtures/temp-store';

const dir = mkdtempSync(join(tmpdir(), 'herald-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Opens `content` as an upload and reads everything: header, records and issues. */
async function read(content: string | Uint8Array, opts = {}) {
  const path = join(dir, `f${++n}`);
  writeFileSync(path, content);
  const issues: ImportIssue[] = [];
  const src = await openSource(path, opts, (i) => issues.push(i));
  const records = [];
  for await (const b of src.batches) records.push(...b);
  return { ...src, records, issues };
}

async function refusal(content: string | Uint8Array): Promise<string> {
  try {
    await read(content);
  } catch (e) {
    expect(e).toHaveProperty('code', 'bad_file');
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('detectEncoding', () => {
  it('reads byte order marks, strict UTF-8, UTF-16 without BOM and falls back to Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf8'), true)).toEqual({
      encoding: 'utf-8',
      reason: 'bom',
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]), true).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]), true).encoding).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('Prénom,Nom\nJosé,Núñez\n', 'utf8'), true)).toEqual({
      encoding: 'utf-8',
      reason: 'utf8',
    });
    expect(detectEncoding(iconv.encode('Name,Email\nJosé,a@b.co\n', 'utf-16le'), true).encoding).toBe(
      'utf-16le',
    );
    const latin = iconv.encode('Vorname;Nachname;Straße\nJörg;Müller;Hauptstraße 1\n', 'windows-1252');
    expect(detectEncoding(latin, true).encoding).toBe('windows-1252');
  });

  it('does not mistake a multi-byte character cut at the end of a sample for invalid UTF-8', () => {
    const bytes = Buffer.from('Name\nJosé', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true).encoding).not.toBe('utf-8');
  });
});

describe('detectDelimiter and fileKind', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1;2,5;3\n4;5;6\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['sep=;\na,b;c\n', ';'],
  ])('%j → %j', (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));

  it('tells workbooks from text and names binary formats', () => {
    expect(fileKind(Buffer.from('PK\x03\x04rest'))).toBe('xlsx');
    expect(fileKind(Buffer.from('a,b'))).toBe('text');
    expect(() => fileKind(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]))).toThrow(/PDF/);
    expect(() => fileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(/\.xls/);
  });
});

describe('CsvRecordReader', () => {
  function all(chunks: string[], delimiter = ',') {
    const issues: ImportIssue[] = [];
    const r = new CsvRecordReader(delimiter, (i) => issues.push(i));
    const records = chunks.flatMap((c) => r.push(c));
    records.push(...r.end());
    return { records: records.map((x) => [x.line, ...x.fields]), issues };
  }

  it('counts physical lines across quoted newlines and blank lines, whatever the chunking', () => {
    const text = 'h1,h2\n\na,"multi\nline"\n"x ""quoted"", y",2\n,\n\nlast,1';
    const expected = [
      [1, 'h1', 'h2'],
      [3, 'a', 'multi\nline'],
      [5, 'x "quoted", y', '2'],
      [8, 'last', '1'],
    ];
    expect(all([text]).records).toEqual(expected);
    const oneByOne = [...text];
    expect(all(oneByOne).records).toEqual(expected);
  });

  it('reports a broken quote at its line and goes on with the next line', () => {
    const { records, issues } = all(['h1,h2\na,"b"x\nc,d\ne,"unclosed\nf,g\n']);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'bad_quotes'],
      [4, 'bad_quotes'],
    ]);
    expect(records).toEqual([
      [1, 'h1', 'h2'],
      [3, 'c', 'd'],
      [5, 'f', 'g'],
    ]);
  });

  it('keeps memory bounded: a quote never closed is cut off after MAX_PENDING_CHARS', () => {
    const issues: ImportIssue[] = [];
    const r = new CsvRecordReader(',', (i) => issues.push(i));
    r.push('h\n"open\n');
    const line = 'x'.repeat(1023) + '\n';
    let out = 0;
    for (let i = 0; i <= MAX_PENDING_CHARS / 1024 + 2; i++) out += r.push(line).length;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, code: 'bad_quotes' });
    expect(out).toBeGreaterThan(0);
  });
});

describe('openSource', () => {
  it('reads CRLF, LF and lone CR line endings alike', async () => {
    for (const nl of ['\r\n', '\n', '\r']) {
      const { headers, records } = await read(['Name,Email', 'A,a@x.io', '"B\u00a0B",b@x.io'].join(nl) + nl);
      expect(headers).toEqual(['Name', 'Email']);
      expect(records.map((r) => [r.line, ...r.fields])).toEqual([
        [2, 'A', 'a@x.io'],
        [3, 'B\u00a0B', 'b@x.io'],
      ]);
    }
  });

  it('decodes UTF-16 LE and BE with BOM, and Windows-1252', async () => {
    const text = 'Name\tEmail\nJosé Núñez\tjose@x.es\n';
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const bytes = iconv.encode(text, enc, { addBOM: true });
      const r = await read(bytes);
      expect(r.info).toMatchObject({ encoding: enc, delimiter: '\t' });
      expect(r.records[0]!.fields[0]).toBe('José Núñez');
    }
    const outlook = await read(readFileSync(join(FIXTURES_DIR, 'outlook-export.csv')));
    expect(outlook.info.encoding).toBe('windows-1252');
    expect(outlook.records[0]!.fields.slice(0, 2)).toEqual(['Jörg', 'Müller']);
  });

  it('honours the user override of encoding and delimiter', async () => {
    const r = await read(iconv.encode('a;b\nMüller;1\n', 'windows-1252'), {
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(r.headers).toEqual(['a;b']);
    expect(r.issues.map((i) => i.code)).toEqual(['invalid_utf8']);
  });

  it('renames duplicate and blank header names and skips an Excel sep= line', async () => {
    const r = await read('sep=;\nEmail;Email;;email\na@x.io;b@x.io;c;d\n');
    expect(r.headers).toEqual(['Email', 'Email (2)', 'Column 3', 'email (3)']);
    expect(r.warnings).toHaveLength(2);
    expect(r.records[0]!.line).toBe(3);
  });

  it('reports ragged rows by line and keeps the good ones; trailing empty fields are fine', async () => {
    const r = await read('a,b\n1,2\n3\n4,5,6\n7,8,,\n');
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'ragged_row'],
      [4, 'ragged_row'],
    ]);
    expect(r.records.map((x) => x.fields)).toEqual([
      ['1', '2'],
      ['7', '8'],
    ]);
  });

  it('reports a field over 64 KiB and keeps the rest of the row', async () => {
    const r = await read(`Email,Notes\na@x.io,${'n'.repeat(MAX_FIELD_CHARS + 1)}\n`);
    expect(r.issues.map((i) => [i.line, i.field, i.code])).toEqual([[2, 'Notes', 'field_too_long']]);
    expect(r.records[0]!.fields).toEqual(['a@x.io', '']);
  });

  it('reports invalid UTF-8 in a row that straddles two read chunks', async () => {
    // The bad byte lies before the 1 MiB read boundary, the row's end after it.
    const rows = ['name,note'];
    let size = 10;
    for (let i = 0; size < READ_CHUNK_BYTES - 40; i++) {
      rows.push(`n${i},ok`);
      size += rows[rows.length - 1]!.length + 1;
    }
    const straddling = Buffer.concat([
      Buffer.from('bad,'),
      Buffer.from([0xff]),
      Buffer.from(`${'x'.repeat(READ_CHUNK_BYTES - size + 40)}\nlast,ok\n`),
    ]);
    const { issues, records } = await read(Buffer.concat([Buffer.from(`${rows.join('\n')}\n`), straddling]), {
      encoding: 'utf-8',
    });
    expect(issues.map((i) => [i.line, i.code])).toEqual([[rows.length + 1, 'invalid_utf8']]);
    expect(records).toHaveLength(rows.length + 1); // every data row, the bad one and "last" included
  });

  it('refuses empty, blank, binary files and a broken header, with a message saying what to do', async () => {
    expect(await refusal('')).toMatch(/empty/);
    expect(await refusal('\n\n  \n')).toMatch(/empty/);
    expect(await refusal(readFileSync(join(FIXTURES_DIR, 'not-a-csv.bin')))).toMatch(/PNG image, not a CSV/);
    expect(await refusal(Buffer.from([1, 2, 3, 0, 0, 5, 6, 7, 8, 0, 1, 2]))).toMatch(/binary/);
    expect(await refusal('"Name,Email\na,b\n')).toMatch(/header row \(line 1\) has a quote/);
  });
});
