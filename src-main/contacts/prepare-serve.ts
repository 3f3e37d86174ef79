import type { MessagePort } from 'node:worker_threads';
import type { PrepareReply, PrepareRequest } from './prepare-pool';
import { prepareWork } from './prepare-work';
import { installRegExpCache } from './regexp-cache';
import { packPrepared, unpackRecords } from './wire';

/** Body of a prepare thread: answers every PrepareRequest with the prepared rows, or the error. */
export function servePrepare(port: MessagePort): void {
  installRegExpCache();
  port.on('message', (m: PrepareRequest) => {
    let reply: PrepareReply;
    try {
      const work = 'records' in m.work ? { records: unpackRecords(m.work.records) } : m.work;
      const batch = prepareWork(work, m.ctx);
      reply = { id: m.id, rows: packPrepared(batch.rows), readIssues: batch.readIssues };
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
