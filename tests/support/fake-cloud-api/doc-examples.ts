import { expect } from 'vitest';
import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import { type FakeCloudApi, startFakeCloudApi } from './server';
import { DEFAULT_TEMPLATES } from './templates';

/*
 * The payloads of whatsapp-cloud-api.md and a raw-HTTP harness for the fake's conformance tests:
 * requests go over the wire as Meta would receive them, without the product client.
 */

/** IDs and token the harness's fake is configured with. */
export const PHONE = '106540352242922';
export const WABA = '102290129340398';
export const TOKEN = 'conformance-token';

/** The doc's positional example has no button: its template is the body-only order_confirmation. */
export const DOC_TEMPLATES: RemoteTemplate[] = [
  {
    id: '9000000000000001',
    name: 'order_confirmation',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }],
  },
  ...DEFAULT_TEMPLATES.filter((t) => t.name !== 'order_confirmation'),
  {
    id: '9000000000000002',
    name: 'tired_promo',
    language: 'en_US',
    status: 'PAUSED',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Paused.' }],
  },
  {
    id: '9000000000000003',
    name: 'dead_promo',
    language: 'en_US',
    status: 'DISABLED',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Disabled.' }],
  },
  {
    id: '9000000000000004',
    name: 'coupon_code',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Here is your code.' },
      { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', text: 'Copy code', example: ['SAVE10'] }] },
    ],
  },
];

/** The positional template example of "Sending" in whatsapp-cloud-api.md, verbatim. */
export const DOC_POSITIONAL = {
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '+16505551234',
  type: 'template',
  template: {
    name: 'order_confirmation',
    language: { code: 'en_US' },
    components: [
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Jessica' },
          { type: 'text', text: 'SKBUP2-4CPIG9' },
        ],
      },
    ],
  },
};

/** The NAMED template example with an image header of "Sending", verbatim (`to` without +). */
export const DOC_NAMED = {
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '16505551234',
  type: 'template',
  template: {
    name: 'welcome_discount_template',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'image', image: { id: '1339522734477770' } }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', parameter_name: 'first_name', text: 'Jessica' },
          { type: 'text', parameter_name: 'discount_code', text: 'WELCOME25' },
        ],
      },
    ],
  },
};

/** An HTTP answer of the fake: status and parsed JSON body. */
export interface Reply {
  status: number;
  json: Record<string, unknown> & { error?: Record<string, unknown> };
}

/** A fake serving DOC_TEMPLATES with a manual clock, and raw request helpers bound to it. */
export interface RawHarness {
  api: FakeCloudApi;
  /** One request; `token: null` sends no Authorization header; a string body is sent verbatim. */
  call(method: 'GET' | 'POST', path: string, body?: unknown, token?: string | null): Promise<Reply>;
  /** POST /v24.0/{PHONE}/messages in a fresh throughput window (the clock moves 10 s first). */
  send(body: unknown): Promise<Reply>;
}

/** Starts the harness; `+447700900123` has an open customer service window. Close `api` when done. */
export async function startRawHarness(): Promise<RawHarness> {
  let now = 1_700_000_000_000;
  const api = await startFakeCloudApi({
    accessToken: TOKEN,
    phoneNumberId: PHONE,
    wabaId: WABA,
    templates: DOC_TEMPLATES,
    openWindows: ['447700900123'],
    mediaIds: ['1339522734477770'],
    clock: () => now,
  });
  const call: RawHarness['call'] = async (method, path, body, token = TOKEN) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Reply['json'] };
  };
  const send = (body: unknown) => {
    now += 10_000;
    return call('POST', `/v24.0/${PHONE}/messages`, body);
  };
  return { api, call, send };
}

/** A deep copy of `base` with `edit` applied, for one-field variations of the doc examples. */
export function variant<T>(base: T, edit: (copy: T) => unknown): T {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

export type Components = Record<string, unknown>[];
/** The components array of a template payload, for editing in `variant`. */
export const components = (p: { template: { components: unknown } }) => p.template.components as Components;

/**
 * Asserts Meta's synchronous error shape (whatsapp-cloud-api.md, "Errors") with `code` and HTTP
 * `status`; WhatsApp codes (≥ 1000) must carry `error_data.details`. Returns the error object.
 */
export function expectGraphError(r: Reply, code: number, status = 400): Record<string, unknown> {
  expect(r.status).toBe(status);
  const e = r.json.error;
  expect(e, JSON.stringify(r.json)).toBeDefined();
  expect(e).toMatchObject({
    code,
    type: expect.any(String),
    message: expect.any(String),
    fbtrace_id: expect.any(String),
  });
  if (e?.error_data !== undefined) expect(e.error_data).toMatchObject({ messaging_product: 'whatsapp' });
  if (code >= 1000) expect((e?.error_data as { details?: unknown }).details).toEqual(expect.any(String));
  return e ?? {};
}
