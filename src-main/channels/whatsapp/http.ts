import http from 'node:http';
import https from 'node:https';

/** Bounds of an HttpPool. */
export interface HttpPoolOptions {
  /** Open connections per origin at most (keep-alive pool size); default 32. */
  maxSockets?: number;
  /** Requests waiting for a free connection at most; more are refused at once; default 256. */
  maxQueued?: number;
  /** An idle pooled connection is closed after this many ms (below common server keep-alive of 5 s); default 4 000. */
  idleMs?: number;
  /** Largest response body read, bytes; a larger one fails the request; default 16 MiB. */
  maxResponseBytes?: number;
}

/** One HTTP answer: status and the body as text. */
export interface HttpResponse {
  status: number;
  text: string;
}

/** One request of `HttpPool.request`. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Deadline for the whole exchange (connect, send, headers, body), ms. */
  timeoutMs: number;
}

/** Error code of a request refused because the pool's queue is full (it never left this machine). */
export const QUEUE_FULL = 'EHERALDQUEUEFULL';

/**
 * A bounded keep-alive HTTP client over node:http/https. Why not global fetch: its undici dispatcher
 * allows unlimited connections per origin and queues without a bound. Here, `maxSockets` caps the
 * connections (node:http Agent with keepAlive), `maxQueued` caps requests waiting for one, every
 * request has a hard deadline, and a response body over `maxResponseBytes` is cut off.
 *
 * Failures reject with an Error whose `cause` carries Node's `code` (ECONNRESET, ECONNREFUSED, …)
 * or, for the deadline, an Error named `TimeoutError`, as `classifyNetworkError` expects. A GET that
 * fails with ECONNRESET on a reused idle connection is retried once on a fresh one (Node's documented
 * pattern); a POST is not, since the server may have acted on it.
 */
export class HttpPool {
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly maxSockets: number;
  private readonly maxQueued: number;
  private readonly maxResponseBytes: number;
  private active = 0;

  constructor(opts: HttpPoolOptions = {}) {
    this.maxSockets = opts.maxSockets ?? 32;
    this.maxQueued = opts.maxQueued ?? 256;
    this.maxResponseBytes = opts.maxResponseBytes ?? 16 * 1024 * 1024;
    const agentOptions = {
      keepAlive: true,
      maxSockets: this.maxSockets,
      maxFreeSockets: this.maxSockets,
      timeout: opts.idleMs ?? 4_000,
      scheduling: 'lifo' as const,
    };
    this.agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  /** Requests in flight or waiting for a connection. */
  get pending(): number {
    return this.active;
  }

  /** Sends one request; see the class comment for how it fails. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    if (this.active >= this.maxSockets + this.maxQueued) {
      throw Object.assign(new Error(`${this.active} requests are already pending`), {
        cause: { code: QUEUE_FULL },
      });
    }
    this.active++;
    try {
      try {
        return await this.once(req);
      } catch (e) {
        if (req.method === 'GET' && (e as { reusedSocket?: boolean }).reusedSocket)
          return await this.once(req);
        throw e;
      }
    } finally {
      this.active--;
    }
  }

  /** Closes every pooled connection; requests in flight fail. */
  destroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private once(r: HttpRequest): Promise<HttpResponse> {
    const url = new URL(r.url);
    const secure = url.protocol === 'https:';
    const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body);
    const headers: Record<string, string> = { ...r.headers };
    if (body) headers['Content-Length'] = String(body.length);
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, value?: HttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value as HttpResponse);
      };
      const request = (secure ? https : http).request(
        url,
        { method: r.method, headers, agent: secure ? this.agents.https : this.agents.http },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxResponseBytes) {
              request.destroy(
                withCause(`response larger than ${this.maxResponseBytes} bytes`, 'EHERALDTOOBIG'),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            finish(null, { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', (e) => finish(wrap(e, false)));
          res.on('aborted', () => finish(withCause('the connection closed mid-response', 'ECONNRESET')));
        },
      );
      const timer = setTimeout(() => {
        const error = new Error(`no answer within ${r.timeoutMs} ms`);
        error.name = 'TimeoutError';
        finish(error);
        request.destroy(error);
      }, r.timeoutMs);
      request.on('error', (e) => finish(wrap(e, request.reusedSocket)));
      request.end(body);
    });
  }
}

function withCause(message: string, code: string): Error {
  return Object.assign(new Error(message), { cause: { code } });
}

/** Node's socket error, as `classifyNetworkError` reads it (`cause.code`), marked when on a reused socket. */
function wrap(e: Error, reusedSocket: boolean): Error {
  if (e.name === 'TimeoutError') return e;
  const code = (e as { code?: unknown }).code;
  const error = Object.assign(new Error(`request failed: ${e.message}`), {
    cause: typeof code === 'string' ? { code } : e,
  });
  return reusedSocket && code === 'ECONNRESET' ? Object.assign(error, { reusedSocket: true }) : error;
}
