import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import { type FakeError, invalidParameter } from './errors';

/** The business number as `GET /{phone-number-id}` reports it (whatsapp-cloud-api.md, "Reading the number"). */
export interface FakeAccount {
  verified_name: string;
  display_phone_number: string;
  quality_rating: string;
  whatsapp_business_manager_messaging_limit: string;
  throughput: { level: string };
  code_verification_status: string;
  name_status: string;
  status: string;
  platform_type: string;
  health_status: unknown;
}

/** Defaults: a healthy, verified TIER_250 number with STANDARD throughput. */
export const DEFAULT_ACCOUNT: FakeAccount = {
  verified_name: 'Herald Test',
  display_phone_number: '15550783881',
  quality_rating: 'GREEN',
  whatsapp_business_manager_messaging_limit: 'TIER_250',
  throughput: { level: 'STANDARD' },
  code_verification_status: 'VERIFIED',
  name_status: 'APPROVED',
  status: 'CONNECTED',
  platform_type: 'CLOUD_API',
  health_status: { can_send_message: 'AVAILABLE', entities: [] },
};

/** Fields Graph knows on a phone number node; asking for another one is error 100. */
const PHONE_FIELDS = new Set([
  'id',
  'verified_name',
  'display_phone_number',
  'quality_rating',
  'whatsapp_business_manager_messaging_limit',
  'messaging_limit_tier',
  'throughput',
  'code_verification_status',
  'name_status',
  'status',
  'platform_type',
  'health_status',
]);
const DEFAULT_PHONE_FIELDS = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'platform_type',
  'throughput',
];

const TEMPLATE_FIELDS = new Set([
  'id',
  'name',
  'language',
  'status',
  'category',
  'parameter_format',
  'components',
  'sub_category',
]);

const nonexistingField = (field: string, node: string): FakeError =>
  invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${node})`);

function requestedFields(query: URLSearchParams): string[] | null {
  const raw = query.get('fields');
  return raw === null
    ? null
    : raw
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== '');
}

/** `GET /{phone-number-id}?fields=…`: the requested fields plus `id`; unknown fields → 100. */
export function readPhoneNumber(
  id: string,
  account: FakeAccount,
  query: URLSearchParams,
): object | FakeError {
  const fields = requestedFields(query) ?? DEFAULT_PHONE_FIELDS;
  const unknown = fields.find((f) => !PHONE_FIELDS.has(f));
  if (unknown) return nonexistingField(unknown, 'WhatsAppBusinessPhoneNumber');
  const values: Record<string, unknown> = {
    ...account,
    // The pre-v24.0 name of the same value (whatsapp-cloud-api.md, "Versions").
    messaging_limit_tier: account.whatsapp_business_manager_messaging_limit,
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f !== 'id' && values[f] !== undefined) out[f] = values[f];
  return { ...out, id };
}

const cursor = (offset: number) => Buffer.from(`fake-cursor:${offset}`).toString('base64');
function offsetOf(value: string): number | null {
  const m = /^fake-cursor:(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'));
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * `GET /{waba-id}/message_templates?fields&limit&after|before`: pages of at most `min(limit, pageSize)`
 * templates, `paging.cursors.before/after` on every non-empty page, `paging.next` (absolute, on
 * `origin` and `version`) only when more follow, `paging.previous` after the first page.
 */
export function readTemplatePage(
  templates: RemoteTemplate[],
  query: URLSearchParams,
  page: { pageSize: number; origin: string; path: string },
): object | FakeError {
  const fields = requestedFields(query);
  const unknown = fields?.find((f) => !TEMPLATE_FIELDS.has(f));
  if (unknown) return nonexistingField(unknown, 'WhatsAppMessageTemplate');
  const limitParam = query.get('limit');
  const limit = limitParam === null ? page.pageSize : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1)
    return invalidParameter('Param limit must be a positive integer');
  const size = Math.min(limit, page.pageSize);
  const after = query.get('after');
  const before = query.get('before');
  const at = after !== null ? offsetOf(after) : before !== null ? offsetOf(before) : 0;
  if (at === null) return invalidParameter('Invalid parameter', 'The paging cursor is not valid');
  const start = after === null && before !== null ? Math.max(0, at - size) : at;
  const slice = templates.slice(start, after === null && before !== null ? at : start + size).map((t) => {
    if (!fields) return t;
    const picked: Record<string, unknown> = { id: t.id };
    for (const f of fields) if (t[f] !== undefined) picked[f] = t[f];
    return picked;
  });
  if (slice.length === 0) return { data: [] };
  const end = start + slice.length;
  const link = (key: 'after' | 'before', value: string) => {
    const q = new URLSearchParams(query);
    q.delete('after');
    q.delete('before');
    q.set('limit', String(size));
    q.set(key, value);
    return `${page.origin}${page.path}?${q.toString()}`;
  };
  return {
    data: slice,
    paging: {
      cursors: { before: cursor(start), after: cursor(end) },
      ...(end < templates.length ? { next: link('after', cursor(end)) } : {}),
      ...(start > 0 ? { previous: link('before', cursor(start)) } : {}),
    },
  };
}
