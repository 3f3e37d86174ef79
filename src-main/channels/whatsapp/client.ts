import { type z } from 'zod';
import { CloudApiError, classifyNetworkError, classifyResponse, UNPARSEABLE_CODE } from './errors';
import { parseHealthStatus } from './health';
import { HttpPool } from './http';
import { mediaUploadBody } from './media';
import { PhoneNumberResponse, SendResponse, TemplatePage, UploadMediaResponse } from './schemas';
import type { CloudApiConfig, PhoneNumberInfo, RemoteTemplate, SendResult, UploadedMedia } from './types';

/** Default per-request timeout, ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Templates asked for per page (Meta caps the page size on its side; we follow the cursors). */
const TEMPLATE_PAGE_LIMIT = 100;
/** Guard against a server that pages forever: 500 pages × 100 is far above any WABA's template count. */
const MAX_TEMPLATE_PAGES = 500;
const TEMPLATE_FIELDS = 'id,name,language,status,category,parameter_format,components';

interface RawResponse {
  status: number;
  /** Parsed JSON; `undefined` when the body was empty or not JSON. */
  body: unknown;
}

/** Largest upload accepted by `uploadMedia`, bytes (Meta's document limit, the largest kind). */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Uploads get more time than messages: 100 MB over a slow uplink. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * WhatsApp Cloud API client (whatsapp-cloud-api.md). Talks over its own HttpPool: keep-alive
 * connections capped at `maxSockets`, at most `maxQueued` requests waiting, a hard deadline per
 * request (`timeoutMs`); every answer is zod-validated before use. Call `close()` when done.
 */
export class CloudApiClient {
  private readonly root: string;
  private readonly timeoutMs: number;
  private readonly pool: HttpPool;

  constructor(private readonly config: CloudApiConfig) {
    this.root = `${config.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(config.graphVersion)}`;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.pool = new HttpPool({ maxSockets: config.maxSockets, maxQueued: config.maxQueued });
  }

  /** Closes the pooled connections; later calls open new ones. */
  close(): void {
    this.pool.destroy();
  }

  /**
   * `POST /{phone-number-id}/messages` with `payload` as JSON. Never throws: an HTTP error is
   * classified by `error.code`, a network error or timeout becomes RETRY with code -1, and a body
   * that is not the documented JSON becomes code -2. `ok: true` means accepted, not delivered.
   */
  async sendMessage(payload: object): Promise<SendResult> {
    let res: RawResponse;
    try {
      res = await this.request('POST', this.url(`${this.config.phoneNumberId}/messages`), {
        contentType: 'application/json',
        body: JSON.stringify(payload),
      });
    } catch (error) {
      return { ok: false, error: classifyNetworkError(error, this.timeoutMs) };
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = SendResponse.safeParse(res.body);
      if (parsed.success) {
        const message = parsed.data.messages[0];
        return {
          ok: true,
          wamid: message?.id ?? '',
          messageStatus: message?.message_status ?? null,
          waId: parsed.data.contacts?.[0]?.wa_id ?? null,
        };
      }
    }
    return { ok: false, error: classifyResponse(res.status, res.body) };
  }

  /**
   * Reads the business number (`GET /{phone-number-id}?fields=…`, "Reading the number"). Asks for
   * `whatsapp_business_manager_messaging_limit` on v24.0+ and `messaging_limit_tier` before, since
   * Graph rejects fields a version does not know. Throws CloudApiError.
   */
  async getPhoneNumber(): Promise<PhoneNumberInfo> {
    const limitField =
      graphMajor(this.config.graphVersion) >= 24
        ? 'whatsapp_business_manager_messaging_limit'
        : 'messaging_limit_tier';
    const fields = [
      'verified_name',
      'display_phone_number',
      'quality_rating',
      'throughput',
      'code_verification_status',
      'name_status',
      'status',
      'platform_type',
      limitField,
      'health_status',
    ].join(',');
    const url = this.url(this.config.phoneNumberId, { fields });
    const n = await this.getJson(url, PhoneNumberResponse, 'the phone number');
    return {
      id: n.id,
      verifiedName: n.verified_name ?? '',
      displayPhoneNumber: n.display_phone_number ?? '',
      qualityRating: n.quality_rating ?? 'UNKNOWN',
      messagingLimit: n.whatsapp_business_manager_messaging_limit ?? n.messaging_limit_tier ?? null,
      throughputLevel: n.throughput?.level ?? null,
      healthStatus: parseHealthStatus(n.health_status),
      status: n.status ?? null,
      codeVerificationStatus: n.code_verification_status ?? null,
      nameStatus: n.name_status ?? null,
    };
  }

  /**
   * Uploads header media (`POST /{phone-number-id}/media`, multipart: messaging_product, type, file)
   * and returns its id, which a template header can use instead of a link for 30 days. Throws
   * CloudApiError (a network failure is RETRY, an answer is classified by `error.code`).
   */
  async uploadMedia(file: Buffer, mimeType: string, fileName: string): Promise<UploadedMedia> {
    if (file.length > MAX_UPLOAD_BYTES) {
      throw new CloudApiError({
        action: 'TEMPLATE',
        code: UNPARSEABLE_CODE,
        metaMessage: 'File too large',
        userMessage: `The header file has ${file.length} bytes; WhatsApp takes at most 100 MB.`,
      });
    }
    const { contentType, body } = mediaUploadBody(file, mimeType, fileName);
    const url = this.url(`${this.config.phoneNumberId}/media`);
    let res: RawResponse;
    try {
      res = await this.request('POST', url, { contentType, body }, UPLOAD_TIMEOUT_MS);
    } catch (error) {
      throw new CloudApiError(classifyNetworkError(error, UPLOAD_TIMEOUT_MS));
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = UploadMediaResponse.safeParse(res.body);
      if (parsed.success) return { id: parsed.data.id };
    }
    throw new CloudApiError(classifyResponse(res.status, res.body));
  }

  /**
   * Lists every message template of the WABA (`GET /{waba-id}/message_templates`), following the
   * `after` cursor while `paging.next` is present. The next page is requested from the configured
   * base URL (not the absolute `paging.next`, so the token never goes to another host); `next`
   * alone is followed only when it is on the same origin. Throws CloudApiError.
   */
  async listTemplates(): Promise<RemoteTemplate[]> {
    const edge = `${this.config.wabaId}/message_templates`;
    const query = { fields: TEMPLATE_FIELDS, limit: String(TEMPLATE_PAGE_LIMIT) };
    const templates: RemoteTemplate[] = [];
    const seenCursors = new Set<string>();
    let url = this.url(edge, query);
    for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
      const body = await this.getJson(url, TemplatePage, 'the template list');
      templates.push(...body.data);
      const next = body.paging?.next;
      if (!next || body.data.length === 0) return templates;
      const after = body.paging?.cursors?.after;
      if (after !== undefined) {
        if (seenCursors.has(after)) throw pagingError('the same page cursor came back twice');
        seenCursors.add(after);
        url = this.url(edge, { ...query, after });
      } else if (sameOrigin(next, this.root)) {
        url = next;
      } else {
        throw pagingError('paging.next points to another host and no cursor was given');
      }
    }
    throw pagingError(`more than ${MAX_TEMPLATE_PAGES} pages`);
  }

  private url(path: string, query?: Record<string, string>): string {
    const qs = query ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.root}/${path}${qs}`;
  }

  /** GETs `url` and validates a 2xx body with `schema`; anything else throws CloudApiError. */
  private async getJson<T>(url: string, schema: z.ZodType<T>, what: string): Promise<T> {
    let res: RawResponse;
    try {
      res = await this.request('GET', url);
    } catch (error) {
      const classified = classifyNetworkError(error, this.timeoutMs);
      delete classified.hints; // a read has no side effect: "may have been accepted" does not apply
      throw new CloudApiError(classified);
    }
    if (res.status < 200 || res.status >= 300)
      throw new CloudApiError(classifyResponse(res.status, res.body));
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'not JSON';
    throw new CloudApiError({
      action: 'FAIL',
      code: UNPARSEABLE_CODE,
      metaMessage: `Unexpected response shape for ${what} (${where})`,
      userMessage: `WhatsApp answered with an unexpected format for ${what}: check the base URL and Graph API version in Settings.`,
      httpStatus: res.status,
    });
  }

  /** One HTTP exchange bounded by the timeout (ms). Rejects on network errors and timeouts. */
  private async request(
    method: 'GET' | 'POST',
    url: string,
    content?: { contentType: string; body: string | Buffer },
    timeoutMs = this.timeoutMs,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.config.accessToken}`,
      Accept: 'application/json',
    };
    if (content) headers['Content-Type'] = content.contentType;
    const res = await this.pool.request({ method, url, headers, body: content?.body, timeoutMs });
    let body: unknown;
    try {
      body = res.text === '' ? undefined : (JSON.parse(res.text) as unknown);
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  }
}

/** Major number of a Graph version such as `v24.0`; 0 when unreadable. */
function graphMajor(version: string): number {
  const m = /^v(\d+)/.exec(version);
  return m?.[1] ? Number(m[1]) : 0;
}

function sameOrigin(url: string, root: string): boolean {
  try {
    return new URL(url).origin === new URL(root).origin;
  } catch {
    return false;
  }
}

function pagingError(reason: string): CloudApiError {
  return new CloudApiError({
    action: 'FAIL',
    code: UNPARSEABLE_CODE,
    metaMessage: `Template paging stopped: ${reason}`,
    userMessage: `Could not read all templates (${reason}): try the sync again later.`,
  });
}
