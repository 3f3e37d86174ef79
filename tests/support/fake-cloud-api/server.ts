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
import { type FakeFault, FaultQueue, type FaultScope, PairRate } from './faults';
import { INVALID, ThroughputWindow, bearer, parseJson, readBody } from './http-util';
import { checkUpload, headerMediaIds, type UploadedMediaRecord } from './media';
import { type ValidMessage, validateMessage } from './message-rules';
import { DEFAULT_ACCOUNT, type FakeAccount, readPhoneNumber, readTemplatePage } from './reads';

export type { FakeFault, FaultScope } from './faults';
export type { UploadedMediaRecord } from './media';

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
  /** Pair rate per recipient (131056): one send per `intervalMs` with bursts of `burst`; default 6 000 ms / 45; false disables. */
  pairRate?: { intervalMs: number; burst: number } | false;
  /** Media ids known without an upload (e.g. the doc examples' ids). */
  mediaIds?: string[];
  /** After this many requests the token expires (answers 190 subcode 463 from then on). */
  tokenExpiresAfterRequests?: number;
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
  /** Files uploaded with `POST /{phone-number-id}/media`. */
  uploads: UploadedMediaRecord[];
  /** Queues `fault` for the next `times` sends (or any requests with scope 'any'). */
  inject(fault: FakeFault, times?: number, scope?: FaultScope): void;
  /** Changes the delay before each answer, ms. */
  setLatency(ms: number): void;
  /** Changes what `GET /{phone-number-id}` reports (quality, health, limit, …). */
  setAccount(patch: Partial<FakeAccount>): void;
  /** Sets (or with null clears) the error every send to `digits` gets. */
  setOutcome(digits: string, code: number | null): void;
  /** Changes the throughput limit, accepted sends per rolling second. */
  setThroughput(perSec: number): void;
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
/** Uploads may be as large as Meta's largest media (documents, 100 MB) plus multipart overhead. */
const MAX_UPLOAD_BYTES = 101 * 1024 * 1024;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const fail = (e: FakeError): Answer => ({ status: e.httpStatus, body: errorBody(e), code: e.code });

/**
 * Starts a node:http server on 127.0.0.1 that behaves like the WhatsApp Cloud API for the calls
 * Herald makes: `POST /{v}/{phone-number-id}/messages`, `GET /{v}/{phone-number-id}` and
 * `GET /{v}/{waba-id}/message_templates`, with Bearer-token checks (190), Meta's validation errors,
 * a rolling 1 s throughput window (130429) and per-recipient configured outcomes.
 */
export async function startFakeCloudApi(opts: FakeCloudApiOptions): Promise<FakeCloudApi> {
  const clock = opts.clock ?? Date.now;
  let account: FakeAccount = { ...DEFAULT_ACCOUNT, ...opts.account };
  const window = new ThroughputWindow(opts.throughputPerSec ?? 80);
  const pair =
    opts.pairRate === false
      ? null
      : new PairRate(opts.pairRate?.intervalMs ?? 6000, opts.pairRate?.burst ?? 45);
  const outcomes = new Map(Object.entries(opts.outcomes ?? {}));
  const openWindows = new Set(opts.openWindows ?? []);
  const received: ReceivedMessage[] = [];
  const rejected: { code: number; to?: string }[] = [];
  const uploads: UploadedMediaRecord[] = [];
  const mediaIds = new Set(opts.mediaIds ?? []);
  const faults = new FaultQueue();
  let latencyMs = opts.latencyMs ?? 0;
  let token = opts.accessToken;
  const oldTokens = new Set<string>();
  let requests = 0;
  let sequence = 0;
  let origin = '';
  const closing = new AbortController();

  function rotate(next: string): void {
    if (next !== token) oldTokens.add(token);
    oldTokens.delete(next);
    token = next;
  }

  /** `arrivedAt`: when the request arrived (Meta counts throughput on arrival, before its own latency). */
  function send(raw: Buffer | null, arrivedAt: number): Answer {
    const body = parseJson(raw);
    if (body === INVALID) {
      return fail(
        invalidParameter('Invalid parameter', 'The request body is not valid JSON (or exceeds 1 MB).'),
      );
    }
    const valid = validateMessage(body, opts.templates, openWindows);
    if (isFakeError(valid)) return fail(valid);
    const unknownMedia = headerMediaIds(valid.components).find((id) => !mediaIds.has(id));
    if (unknownMedia !== undefined) {
      return fail(catalogError(131053, `Unable to retrieve media ${unknownMedia}: no such media id.`));
    }
    const now = arrivedAt;
    if (!window.fits(now)) return fail(throughputError(opts.throttleHttpStatus ?? 400));
    const outcome = outcomes.get(valid.waId);
    if (outcome !== undefined) return fail(catalogError(outcome));
    if (pair && !pair.take(valid.waId, now)) return fail(catalogError(131056));
    window.record(now);
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

  function upload(req: IncomingMessage, raw: Buffer | null): Answer {
    if (raw === null) return fail(catalogError(131053, 'The file exceeds the largest supported size.'));
    const record = checkUpload(req.headers['content-type'], raw);
    if (isFakeError(record)) return fail(record);
    uploads.push(record);
    mediaIds.add(record.id);
    return { status: 200, body: { id: record.id } };
  }

  function route(req: IncomingMessage, url: URL, raw: Buffer | null, arrivedAt: number): Answer {
    const m = /^\/(v\d+\.\d+)\/([^/]+)(\/.*)?$/.exec(url.pathname.replace(/\/+$/, ''));
    if (!m) return fail({ ...invalidParameter(`Unknown path: ${url.pathname}`), httpStatus: 404 });
    if (opts.tokenExpiresAfterRequests !== undefined && requests > opts.tokenExpiresAfterRequests) {
      if (!oldTokens.has(opts.accessToken)) rotate(`${opts.accessToken}-renewed`);
    }
    const given = bearer(req, url.searchParams);
    if (given !== token) return fail(tokenError(given !== null && oldTokens.has(given)));
    const [, version, id = '', edge] = m;
    const method = req.method ?? 'GET';
    if (id === opts.phoneNumberId && edge === undefined && method === 'GET') {
      const r = readPhoneNumber(id, account, url.searchParams);
      return isFakeError(r) ? fail(r) : { status: 200, body: r };
    }
    if (id === opts.phoneNumberId && edge === '/messages' && method === 'POST') return send(raw, arrivedAt);
    if (id === opts.phoneNumberId && edge === '/media' && method === 'POST') return upload(req, raw);
    const media = edge === undefined && method === 'GET' ? uploads.find((u) => u.id === id) : undefined;
    if (media) {
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          url: `${origin}/${version}/media-download/${media.id}`,
          mime_type: media.mimeType,
          sha256: media.sha256,
          file_size: media.bytes,
          id: media.id,
        },
      };
    }
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
    if (known && edge !== undefined && !['/messages', '/message_templates', '/media'].includes(edge)) {
      return fail(invalidParameter(`Unknown path components: ${edge}`));
    }
    return fail(unsupportedRequest(method, id));
  }

  /** Applies an injected fault; true when it answered (or deliberately did not). */
  function applyFault(fault: FakeFault, req: IncomingMessage, res: ServerResponse): Answer | null {
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return null;
    }
    if (fault.kind === 'timeout') return null; // never answer; close() drops the connection
    if (fault.kind === 'error') return fail(catalogError(fault.code));
    res.writeHead(fault.status ?? 502, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    const arrivedAt = clock();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isMessage = req.method === 'POST' && /\/messages\/?$/.test(url.pathname);
    const isUpload = req.method === 'POST' && /\/media\/?$/.test(url.pathname);
    const raw = await readBody(req, isUpload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES);
    if (latencyMs > 0) {
      const waited = await delay(latencyMs, true, { signal: closing.signal }).catch(() => false);
      if (!waited) return; // closing: the connection is being destroyed
    }
    const fault = faults.take(isMessage);
    const answer = fault ? applyFault(fault, req, res) : route(req, url, raw, arrivedAt);
    if (!answer) return;
    if (answer.code !== undefined && isMessage) {
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
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    received,
    rejected,
    uploads,
    requestCount: () => requests,
    setAccessToken: rotate,
    inject: (fault, times, scope) => faults.add(fault, times, scope),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setAccount: (patch) => {
      account = { ...account, ...patch };
    },
    setOutcome: (digits, code) => {
      if (code === null) outcomes.delete(digits);
      else outcomes.set(digits, code);
    },
    setThroughput: (perSec) => {
      window.limit = perSec;
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
