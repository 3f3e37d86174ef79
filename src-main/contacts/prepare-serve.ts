import type { MessagePort } from 'node:worker_threads';
import type { PrepareReply, PrepareRequest } from './prepare-pool';
import { prepareRecord } from './prepare';
import { installRegExpCache } from './regexp-cache';
import { packPrepared, unpackRecords } from './wire';

/** Body of a prepare thread: answers every PrepareRequest with the prepared rows, or the error. */
export function servePrepare(port: MessagePort): void {
  installRegExpCache();
  port.on('message', (m: PrepareRequest) => {
    let reply: PrepareReply;
    try {
      const rows = unpackRecords(m.records).map((r) => prepareRecord(r, m.plan, m.defaultCountry));
      reply = { id: m.id, rows: packPrepared(rows) };
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
