/**
 * The import benchmark's body, run from the bundle tests/bench/import.ts builds (plain node, the shipped
 * code): `npm run bench:import [ROWS]` (default 1,000,000).
 *
 * Generates a CSV of ROWS data rows (mixed phone formats from five countries, 1 % bad emails, 1 %
 * duplicates of earlier rows), then imports it into a fresh database (unique email and phone indexes
 * in place) through the app's own requests, exactly as the renderer does: chunked upload
 * (contacts:uploadBegin/Chunk/End), contacts:importStart, wait for the job. While the import runs it
 * asks contacts:list (first page with total) every 50 ms on the thread that serves requests and
 * samples the process RSS (worker threads included) every 50 ms.
 *
 * Last line: `import: <rows> rows in <s> s (<rows/s> rows/s), peak RSS <MB> MB, contacts:list p95 <ms> ms during import`
 * Targets (2 cores): ≥ 70,000 rows/s, ≤ 300 MB, ≤ 100 ms.
 */
import { closeSync, createWriteStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createApp } from '../../src-main/app';
import { UPLOAD_CHUNK_BYTES } from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';

const ROWS = Number(process.argv[2] ?? 1_000_000);

function phone(i: number): string {
  const n = String(i).padStart(8, '0');
  switch (i % 5) {
    case 0:
      return `+44 74${n.slice(0, 2)} ${n.slice(2)}`;
    case 1:
      return `075${n.slice(0, 2)} ${n.slice(2)}`;
    case 2:
      return `0049 151 ${n}`;
    case 3:
      return `+33 6 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`;
    default:
      return `+34 6${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
  }
}

async function generate(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('First Name,Last Name,Email,Mobile Phone,Company,City\n');
  const first = ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Eve', 'Jörg', 'Zoë'];
  for (let i = 0; i < ROWS; i++) {
    // 1 % duplicates: repeat an earlier row's email; 1 % bad emails.
    const id = i % 100 === 99 && i > 1000 ? i - 777 : i;
    const email = i % 100 === 50 ? `user${i}.at.example.com` : `user${id}@example${id % 50}.com`;
    const line = `${first[i % first.length]},Tester ${i},${email},${phone(id)},"Firm ${i % 1000}, Ltd",City ${i % 300}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  const csv = join(dir, 'contacts.csv');
  try {
    await generate(csv);
    const size = statSync(csv).size;
    console.log(`generated ${ROWS} rows, ${(size / 1024 / 1024).toFixed(1)} MB`);
    const app = await createApp({
      dataDir: join(dir, 'data'),
      migrationsDir: 'migrations',
      credentials: new MemoryCredentialStore(),
      mode: 'browser',
      version: 'bench',
    });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await app.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    };
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { uploadId } = await call<{ uploadId: string }>('contacts:uploadBegin', {
      fileName: 'bench.csv',
      size,
    });
    const fd = openSync(csv, 'r');
    const buf = Buffer.alloc(UPLOAD_CHUNK_BYTES);
    for (let index = 0, n = 0; (n = readSync(fd, buf, 0, buf.length, null)) > 0; index++)
      await call('contacts:uploadChunk', { uploadId, index, data: buf.subarray(0, n).toString('base64') });
    closeSync(fd);
    await call('contacts:uploadEnd', { uploadId });
    const tUpload = performance.now();
    const { jobId } = await call<{ jobId: string }>('contacts:importStart', {
      uploadId,
      defaultCountry: 'GB',
    });
    const latencies: number[] = [];
    let state = 'running';
    type Result = {
      rows: number;
      imported: number;
      duplicates: number;
      invalidEmail: number;
      invalidPhone: number;
    };
    let result: Result | null = null;
    while (state === 'running') {
      const q0 = performance.now();
      await call('contacts:list', { limit: 100 });
      latencies.push(performance.now() - q0);
      const s: { state: string; result: Result | null } = await call('contacts:importStatus', { jobId });
      state = s.state;
      result = s.result;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    await app.close();
    if (state !== 'done' || !result) throw new Error(`import ended ${state}`);
    console.log(
      `upload ${((tUpload - t0) / 1000).toFixed(1)} s; imported ${result.imported}, duplicates ${result.duplicates}, ` +
        `invalid email ${result.invalidEmail}, invalid phone ${result.invalidPhone}; ${latencies.length} list requests; ` +
        `RSS before the import ${Math.round(baseline / 1024 / 1024)} MB; ` +
        `CPU of all threads ${((cpu.user + cpu.system) / Math.max(1, result.rows)).toFixed(1)} µs a row`,
    );
    console.log(
      `import: ${result.rows} rows in ${seconds.toFixed(1)} s (${Math.round(result.rows / seconds)} rows/s), ` +
        `peak RSS ${Math.round(peak / 1024 / 1024)} MB, contacts:list p95 ${Math.round(p95(latencies))} ms during import`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
