import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type BrowserServer, startBrowserServer } from '../../src-main/transport/websocket';
import { type Handlers, createDispatcher } from '../../src-main/transport/dispatch';
import { EventBus } from '../../src-main/transport/events';

let server: BrowserServer;
const events = new EventBus();

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'herald-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Herald</title>');
  const dispatch = createDispatcher({
    'app:info': () => ({ version: 't', mode: 'browser', dataDir: '/x' }),
  } as unknown as Handlers);
  server = await startBrowserServer({ dispatch, events, staticDir });
});
afterAll(() => server.close());

function connect(token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

const nextMessage = (ws: WebSocket) =>
  new Promise<Record<string, unknown>>((r) =>
    ws.once('message', (d) => r(JSON.parse(d.toString()) as Record<string, unknown>)),
  );

describe('browser-mode WebSocket transport', () => {
  it('listens on loopback and serves the renderer with a CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Herald</title>');
  });

  it('refuses a wrong token and a foreign Origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(connect('nope', origin)).rejects.toThrow('401');
    await expect(connect(server.token, 'http://evil.example')).rejects.toThrow('403');
  });

  it('answers invokes with Results and pushes events', async () => {
    const ws = await connect(server.token, `http://localhost:${server.port}`);
    ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'app:info', input: {} }));
    expect(await nextMessage(ws)).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { version: 't', mode: 'browser', dataDir: '/x' } },
    });
    ws.send(JSON.stringify({ type: 'invoke', id: 8, channel: 'app:info', input: { extra: true } }));
    const bad = await nextMessage(ws);
    expect((bad['result'] as { ok: boolean }).ok).toBe(false);
    ws.send('not json');
    expect((await nextMessage(ws))['type']).toBe('error');
    const evt = nextMessage(ws);
    events.emit('import:progress', { fileName: 'a.csv', rowsRead: 3, done: true });
    expect(await evt).toEqual({
      type: 'event',
      event: 'import:progress',
      payload: { fileName: 'a.csv', rowsRead: 3, done: true },
    });
    ws.close();
  });
});
