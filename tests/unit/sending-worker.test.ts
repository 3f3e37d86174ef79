import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWorkerEntry } from '../../src-main/sending/worker-host';
import { buildSendWorker } from '../support/build-send-worker';
import { SendingRig, manyContacts } from '../support/sending-rig';

// Inside node_modules so the bundle's bare imports (better-sqlite3, nodemailer) resolve as in out/main.
const root = join(process.cwd(), 'node_modules', '.cache');
let out: string;

beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  out = mkdtempSync(join(root, 'herald-send-worker-'));
  await buildSendWorker(join(out, 'main'));
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the send worker', () => {
  it('is found next to the bundle, from out/main or out/main/chunks', () => {
    const file = join(out, 'main', 'sendWorker.js');
    mkdirSync(join(out, 'main', 'chunks'), { recursive: true });
    writeFileSync(join(out, 'main', 'chunks', 'runner.js'), '');
    for (const from of ['index.js', 'chunks/runner.js']) {
      expect(resolveWorkerEntry(pathToFileURL(join(out, 'main', from)).href, {})).toEqual({
        file,
        source: false,
      });
    }
    expect(
      resolveWorkerEntry(pathToFileURL(join(process.cwd(), 'src-main/sending/runner.ts')).href, {}),
    ).toEqual({
      file: join(process.cwd(), 'src-main/sending/worker.ts'),
      source: true,
    });
    expect(() => resolveWorkerEntry(pathToFileURL(join(out, 'elsewhere.js')).href, {})).toThrow(
      /send worker is missing/,
    );
  });

  it('runs a campaign from the built bundle (the tsx path runs in every other test)', async () => {
    process.env['HERALD_SEND_WORKER'] = join(out, 'main', 'sendWorker.js');
    const rig = await SendingRig.start({ contacts: manyContacts(5) });
    try {
      const id = await rig.launch('both');
      const p = await rig.until(id, (x) => x.status === 'completed');
      expect(p.counts.email.sent + p.counts.whatsapp.sent).toBe(10);
      expect(rig.sink.messages.length).toBe(5);
    } finally {
      delete process.env['HERALD_SEND_WORKER'];
      await rig.close();
    }
  });
});
