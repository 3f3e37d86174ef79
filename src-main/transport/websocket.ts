import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';

/** Content-Security-Policy for the renderer in browser mode (same rules as the Electron window). */
export const BROWSER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "connect-src 'self'; frame-src 'self' about:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const InvokeFrame = z.object({
  type: z.literal('invoke'),
  id: z.number().int(),
  channel: z.string().max(100),
  input: z.unknown(),
});

/** A running browser-mode server. `url` carries the session token in its fragment. */
export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Options for {@link startBrowserServer}; `port` 0 picks a free one. */
export interface BrowserServerOptions {
  dispatch: Dispatch;
  events: EventBus;
  staticDir: string;
  port?: number;
  /** Largest accepted frame in bytes (a CSV import travels in one frame). Default 80 MiB. */
  maxPayloadBytes?: number;
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the request/event contract over a WebSocket at `/ws`, on 127.0.0.1
 * only. A socket is accepted only with the random session token and an Origin of this very server,
 * so other local pages and processes cannot drive Herald.
 */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  const assets = sirv(opts.staticDir, { single: true, dev: false, etag: true });
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', BROWSER_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    assets(req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes ?? 80 * 1024 * 1024 });
  const clients = new Set<WebSocket>();

  const allowedOrigins = (port: number) => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const originOk = allowedOrigins(port).has(req.headers.origin ?? '');
    if (url.pathname !== '/ws' || !originOk || !sameToken(url.searchParams.get('token'), token)) {
      socket.end(`HTTP/1.1 ${originOk ? 401 : 403} Forbidden\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => void handleFrame(ws, data.toString()));
    });
  });

  async function handleFrame(ws: WebSocket, text: string): Promise<void> {
    let frame: z.infer<typeof InvokeFrame>;
    try {
      frame = InvokeFrame.parse(JSON.parse(text));
    } catch {
      ws.send(
        JSON.stringify({
          type: 'error',
          message: 'Malformed frame: expected {type:"invoke", id, channel, input}.',
        }),
      );
      return;
    }
    const result = await opts.dispatch(frame.channel, frame.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: frame.id, result }));
  }

  const unsubscribe = opts.events.subscribe((event, payload) => {
    const text = JSON.stringify({ type: 'event', event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
