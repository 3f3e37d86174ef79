import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault for one `POST …/messages` request: a gateway page (503, not Graph JSON), a Graph error body
 * with `code` and `status`, no answer at all (the client times out), a connection reset before the
 * request reaches the fake, or a reset after the fake accepted it (the answer is lost).
 */
export type ProxyFault =
  | { kind: 'gateway' }
  | { kind: 'graph'; code: number; status: number }
  | { kind: 'hang' }
  | { kind: 'reset-before' }
  | { kind: 'reset-after' };

/** A loopback HTTP proxy in front of the fake Cloud API that injects faults into sends. */
export interface FaultProxy {
  url: string;
  /** Queues `fault` for the next `times` sends. */
  inject(fault: ProxyFault, times?: number): void;
  /** Sends forwarded to the fake so far. */
  forwarded(): number;
  /** Calls `fn` once, right after the `n`-th forwarded send was answered. */
  after(n: number, fn: () => void): void;
  /** Stops listening and drops every connection: clients get "connection refused". */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to `target` (an http origin). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: ProxyFault[] = [];
  const hooks: { n: number; fn: () => void }[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let forwarded = 0;
  let port = 0;

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, lose: boolean) => {
    const up = request(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const isSend = req.method === 'POST' && /\/messages$/.test(req.url ?? '');
          if (isSend) {
            forwarded += 1;
            for (const h of hooks.filter((x) => x.n === forwarded)) h.fn();
          }
          if (lose) return req.socket.destroy();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    up.on('error', () => req.socket.destroy());
    up.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isSend = req.method === 'POST' && /\/messages$/.test(req.url ?? '');
      const fault = isSend ? faults.shift() : undefined;
      if (!fault) return forward(req, body, res, false);
      switch (fault.kind) {
        case 'gateway':
          res.writeHead(503, { 'Content-Type': 'text/html' });
          return res.end('<html><body>503 Service Unavailable</body></html>');
        case 'graph':
          res.writeHead(fault.status, { 'Content-Type': 'application/json' });
          return res.end(
            JSON.stringify({
              error: {
                message: `(#${fault.code}) injected`,
                type: 'OAuthException',
                code: fault.code,
                fbtrace_id: 'proxy',
              },
            }),
          );
        case 'hang':
          hanging.add(res);
          return;
        case 'reset-before':
          return req.socket.destroy();
        case 'reset-after':
          return forward(req, body, res, true);
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      hanging.clear();
    });
  await listen();

  return {
    url: `http://127.0.0.1:${port}`,
    inject(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    forwarded: () => forwarded,
    after(n, fn) {
      hooks.push({ n, fn });
    },
    down: stop,
    up: listen,
    close: stop,
  };
}
