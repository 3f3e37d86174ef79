import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import {
  catalogError,
  errorBody,
  type FakeError,
  invalidParameter,
  isFakeError,
  throughputError,
  tokenError,
  unsupportedRequest,
} from './errors';
import { type ValidMessage, validateMessage } from './message-rules';
import { DEFAULT_ACCOUNT, type FakeAccount, readPhoneNumber, readTemplatePage } from './reads';

/** Options of the fake Cloud API (whatsapp-cloud-api.md describes the behaviour it copies). */
export interface FakeCloudApiOptions {
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  templates: RemoteTemplate[];
  /** Accepted sends allowed in any rolling 1 s window before 130429; default 80 (Meta's default mps). */
  throughputPerSec?: number;
  /** Templates per page at most; default 2 so paging is exercised. */
  pageSize?: number;
  account?: Partial<FakeAccount>;
  /** Recipient digits (no `+`) → error code every send to them gets, e.g. 131026. */
  outcomes?: Record<string, number>;
  /** Delay before each answer, ms. */
  latencyMs?: number;
  /** Recipient digits with an open 24 h customer service window (free-form text allowed). */
  openWindows?: string[];
  /** HTTP status of 130429 answers: Meta has documented both 400 (default) and 429. */
  throttleHttpStatus?: 400 | 429;
  /** Clock for the throughput window and `at`, ms; tests freeze it to make throttling deterministic. */
  clock?: () => number;
  /** Port to listen on (127.0.0.1); default 0, a random free port. */
  port?: number;
}

/** An accepted send as the fake recorded it. */
export interface ReceivedMessage extends ValidMessage {
  wamid: string;
  /** `clock()` when accepted, ms. */
  at: number;
}

/** A running fake; `url` is the base URL to configure (no version). */
export interface FakeCloudApi {
  url: string;
  received: ReceivedMessage[];
  /** Every error answer to a send, with the recipient when the request named one. */
  rejected: { code: number; to?: string }[];
  /** HTTP requests seen so far, of any kind. */
  requestCount(): number;
  /** Replaces the valid token; the old one then answers 190 subcode 463 (expired). */
  setAccessToken(token: string): void;
  /** Stops listening and drops open connections; calling it again is a no-op. */
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  /** Meta error code of an error answer. */
  code?: number;
}

const MAX_BODY_BYTES = 1024 * 1024;
const fail = (e: FakeError): Answer => ({ status: e.httpStatus, body: errorBody(e), code: e.code });

const INVALID = Symbol('invalid JSON');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Parses a request body; `undefined` for an empty one, INVALID for bad JSON or an oversized body. */
function parseJson(raw: string | null): unknown {
  if (raw === null) return INVALID;
  try {
    return raw === '' ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return INVALID;
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage, query: URLSearchParams): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim() ?? query.get('access_token');
}

/**
 * Starts a node:http server on 127.0.0.1 that behaves like the WhatsApp Cloud API for the calls
 * Herald makes: `POST /{v}/{phone-number-id}/messages`, `GET /{v}/{phone-number-id}` and
 * `GET /{v}/{waba-id}/message_templates`, with Bearer-token checks (190), Meta's validation errors,
 * a rolling 1 s throughput window (130429) and per-recipient configured outcomes.
 */
export async function startFakeCloudApi(opts: FakeCloudApiOptions): Promise<FakeCloudApi> {
  const clock = opts.clock ?? Date.now;
  const account: FakeAccount = { ...DEFAULT_ACCOUNT, ...opts.account };
  const throughput = opts.throughputPerSec ?? 80;
  const openWindows = new Set(opts.openWindows ?? []);
  const received: ReceivedMessage[] = [];
  const rejected: { code: number; to?: string }[] = [];
  let acceptedAt: number[] = [];
  let token = opts.accessToken;
  const oldTokens = new Set<string>();
  let requests = 0;
  let sequence = 0;
  let origin = '';
  const closing = new AbortController();

  function send(raw: string | null): Answer {
    const body = parseJson(raw);
    if (body === INVALID) {
      return fail(
        invalidParameter('Invalid parameter', 'The request body is not valid JSON (or exceeds 1 MB).'),
      );
    }
    const valid = validateMessage(body, opts.templates, openWindows);
    if (isFakeError(valid)) return fail(valid);
    const now = clock();
    acceptedAt = acceptedAt.filter((t) => t > now - 1000);
    if (acceptedAt.length >= throughput) return fail(throughputError(opts.throttleHttpStatus ?? 400));
    const outcome = opts.outcomes?.[valid.waId];
    if (outcome !== undefined) return fail(catalogError(outcome));
    acceptedAt.push(now);
    const unique = `${valid.waId}:${++sequence}:${randomBytes(9).toString('hex')}`;
    const wamid = `wamid.${Buffer.from(unique).toString('base64').replace(/=+$/, '')}`;
    received.push({ ...valid, wamid, at: now });
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: valid.to, wa_id: valid.waId }],
        messages: [valid.type === 'template' ? { id: wamid, message_status: 'accepted' } : { id: wamid }],
      },
    };
  }

  function route(req: IncomingMessage, url: URL, raw: string | null): Answer {
    const m = /^\/(v\d+\.\d+)\/([^/]+)(\/.*)?$/.exec(url.pathname.replace(/\/+$/, ''));
    if (!m) return fail({ ...invalidParameter(`Unknown path: ${url.pathname}`), httpStatus: 404 });
    const given = bearer(req, url.searchParams);
    if (given !== token) return fail(tokenError(given !== null && oldTokens.has(given)));
    const [, version, id = '', edge] = m;
    const method = req.method ?? 'GET';
    if (id === opts.phoneNumberId && edge === undefined && method === 'GET') {
      const r = readPhoneNumber(id, account, url.searchParams);
      return isFakeError(r) ? fail(r) : { status: 200, body: r };
    }
    if (id === opts.phoneNumberId && edge === '/messages' && method === 'POST') return send(raw);
    if (id === opts.wabaId && edge === '/message_templates' && method === 'GET') {
      const path = `/${version}/${id}/message_templates`;
      const r = readTemplatePage(opts.templates, url.searchParams, {
        pageSize: opts.pageSize ?? 2,
        origin,
        path,
      });
      return isFakeError(r) ? fail(r) : { status: 200, body: r };
    }
    if (id === opts.wabaId && edge === undefined && method === 'GET') {
      return { status: 200, body: { id, name: `${account.verified_name} WABA` } };
    }
    const known = id === opts.phoneNumberId || id === opts.wabaId;
    if (known && edge !== undefined && !['/messages', '/message_templates'].includes(edge)) {
      return fail(invalidParameter(`Unknown path components: ${edge}`));
    }
    return fail(unsupportedRequest(method, id));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (opts.latencyMs) {
      const waited = await delay(opts.latencyMs, true, { signal: closing.signal }).catch(() => false);
      if (!waited) return; // closing: the connection is being destroyed
    }
    const answer = route(req, url, raw);
    if (answer.code !== undefined && req.method === 'POST' && /\/messages\/?$/.test(url.pathname)) {
      const body = parseJson(raw);
      const to = isRecord(body) && typeof body.to === 'string' ? body.to : undefined;
      rejected.push({ code: answer.code, ...(to === undefined ? {} : { to }) });
    }
    const json = JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=UTF-8' });
    res.end(json);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(errorBody({ ...catalogError(1), message: String(error) })));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    received,
    rejected,
    requestCount: () => requests,
    setAccessToken(next) {
      if (next !== token) oldTokens.add(token);
      oldTokens.delete(next);
      token = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (closing.signal.aborted) return resolve(); // idempotent
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
