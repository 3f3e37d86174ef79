import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../src-main/channels/whatsapp/errors';
import { HttpPool } from '../../src-main/channels/whatsapp/http';

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f()));
});

/** A loopback server that counts connections and requests in flight; `hold` keeps answers back. */
async function server(opts: { hold?: boolean } = {}) {
  const held: (() => void)[] = [];
  const stats = { connections: 0, inFlight: 0, maxInFlight: 0 };
  const s: Server = createServer((req, res) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const answer = () => {
      stats.inFlight--;
      res.end(JSON.stringify({ url: req.url }));
    };
    if (opts.hold) held.push(answer);
    else answer();
  });
  s.on('connection', () => stats.connections++);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  open.push(
    () =>
      new Promise<void>((r) => {
        s.close(() => r());
        s.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, stats, held, raw: s };
}

const get = (url: string, timeoutMs = 5_000) => ({ method: 'GET' as const, url, headers: {}, timeoutMs });

describe('HttpPool', () => {
  it('reuses keep-alive connections for consecutive requests', async () => {
    const srv = await server();
    const pool = new HttpPool({ maxSockets: 4 });
    open.push(async () => pool.destroy());
    for (let i = 0; i < 20; i++) expect((await pool.request(get(`${srv.url}/${i}`))).status).toBe(200);
    expect(srv.stats.connections).toBe(1);
  });

  it('never opens more than maxSockets connections, and refuses requests beyond the queue bound', async () => {
    const srv = await server({ hold: true });
    const pool = new HttpPool({ maxSockets: 3, maxQueued: 2 });
    open.push(async () => pool.destroy());
    const pending = Array.from({ length: 5 }, (_, i) => pool.request(get(`${srv.url}/${i}`)));
    const refused = await pool.request(get(`${srv.url}/6`)).catch((e: unknown) => e);
    expect(classifyNetworkError(refused, 5_000).hints?.mayHaveBeenAccepted).toBeUndefined();
    await expect.poll(() => srv.held.length).toBe(3);
    expect(srv.stats.connections).toBe(3);
    let done = false;
    const all = Promise.all(pending).then(() => (done = true));
    while (!done) {
      srv.held.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await all;
    expect(srv.stats.maxInFlight).toBe(3);
    expect(pool.pending).toBe(0);
  });

  it('gives up at the deadline with a TimeoutError that may have been accepted', async () => {
    const srv = await server({ hold: true });
    const pool = new HttpPool();
    open.push(async () => pool.destroy());
    const error = await pool.request(get(srv.url, 50)).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    const c = classifyNetworkError(error, 50);
    expect(c).toMatchObject({ action: 'RETRY', code: -1, hints: { mayHaveBeenAccepted: true } });
  });

  it('reports a reset connection with its code', async () => {
    const srv = await server();
    srv.raw.removeAllListeners('request');
    srv.raw.on('request', (req) => req.socket.destroy());
    const pool = new HttpPool();
    open.push(async () => pool.destroy());
    const error = await pool
      .request({ method: 'POST', url: srv.url, headers: {}, body: '{}', timeoutMs: 5_000 })
      .catch((e: unknown) => e);
    expect(classifyNetworkError(error, 5_000).details).toMatch(/ECONNRESET|socket hang up/);
  });
});
