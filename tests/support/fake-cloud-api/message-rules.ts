import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import { type FakeError, invalidParameter, isFakeError, waError } from './errors';
import { checkComponents } from './template-rules';

/** A send request that passed validation, before throughput and configured outcomes. */
export interface ValidMessage {
  to: string;
  /** `to` without `+`: the `wa_id` the fake reports. */
  waId: string;
  type: 'template' | 'text';
  templateName: string | null;
  language: string | null;
  components: unknown[];
  text: string | null;
  callbackData: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Message types Meta knows; the fake models only `template` and `text`. */
const META_TYPES = [
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'reaction',
];

const required = (name: string): FakeError => invalidParameter(`The parameter ${name} is required.`);

/** Finds the template a request names, with Meta's errors for missing/unapproved ones. */
function findTemplate(
  templates: RemoteTemplate[],
  name: string,
  language: string,
): RemoteTemplate | FakeError {
  const t = templates.find((x) => x.name === name && x.language === language);
  if (t?.status === 'APPROVED') return t;
  if (t?.status === 'PAUSED') {
    return waError(
      132015,
      'Template is Paused',
      'Template is paused due to low quality so it cannot be sent.',
    );
  }
  if (t?.status === 'DISABLED')
    return waError(132016, 'Template is Disabled', 'Template is permanently disabled.');
  return waError(
    132001,
    'Template name does not exist in the translation',
    `template name (${name}) does not exist in ${language}`,
  );
}

function checkTemplate(
  body: Json,
  templates: RemoteTemplate[],
): FakeError | { name: string; language: string; components: unknown[] } {
  const template = body.template;
  if (!isObject(template)) return required('template');
  if (typeof template.name !== 'string' || template.name === '') return required("template['name']");
  const language = isObject(template.language) ? template.language.code : undefined;
  if (typeof language !== 'string' || language === '') return required("template['language']['code']");
  const found = findTemplate(templates, template.name, language);
  if (isFakeError(found)) return found;
  const error = checkComponents(template.components, found);
  if (error) return error;
  return { name: template.name, language, components: (template.components as unknown[] | undefined) ?? [] };
}

/**
 * Validates a `POST /{phone-number-id}/messages` body like Meta ("Send messages"): envelope fields
 * (100), template lookup (132001/132015/132016) and components (see checkComponents), and free-form
 * text only inside a customer service window (131047). `openWindows` lists recipients (digits)
 * who wrote within 24 h.
 */
export function validateMessage(
  body: unknown,
  templates: RemoteTemplate[],
  openWindows: ReadonlySet<string>,
): ValidMessage | FakeError {
  if (!isObject(body)) return required('messaging_product');
  if (body.messaging_product === undefined) return required('messaging_product');
  if (body.messaging_product !== 'whatsapp') {
    return invalidParameter(
      `Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".`,
    );
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    return invalidParameter(
      `Param recipient_type must be one of {INDIVIDUAL} - got "${String(body.recipient_type)}".`,
    );
  }
  if (body.to === undefined) return required('to');
  if (typeof body.to !== 'string' || !/^\+?\d{5,20}$/.test(body.to)) {
    return invalidParameter('Invalid parameter', `Invalid 'to' parameter: ${JSON.stringify(body.to)}`);
  }
  if (body.type === undefined) return required('type');
  if (typeof body.type !== 'string' || !META_TYPES.includes(body.type)) {
    return invalidParameter(
      `Param type must be one of {${META_TYPES.join(', ').toUpperCase()}} - got "${String(body.type)}".`,
    );
  }
  const callback = body.biz_opaque_callback_data;
  if (callback !== undefined && (typeof callback !== 'string' || [...callback].length > 512)) {
    return invalidParameter(
      'Invalid parameter',
      'biz_opaque_callback_data must be a string of at most 512 characters',
    );
  }
  const to = body.to;
  const waId = to.replace(/^\+/, '');
  const common = { to, waId, callbackData: typeof callback === 'string' ? callback : null };
  if (body.type === 'template') {
    const t = checkTemplate(body, templates);
    if (isFakeError(t)) return t;
    return {
      ...common,
      type: 'template',
      templateName: t.name,
      language: t.language,
      components: t.components,
      text: null,
    };
  }
  if (body.type === 'text') {
    const text = isObject(body.text) ? body.text.body : undefined;
    if (typeof text !== 'string' || text === '') return required("text['body']");
    if ([...text].length > 4096)
      return invalidParameter('Invalid parameter', 'text body exceeds 4096 characters');
    if (!openWindows.has(waId)) {
      return waError(
        131047,
        'Re-engagement message',
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      );
    }
    return { ...common, type: 'text', templateName: null, language: null, components: [], text };
  }
  return waError(
    131051,
    'Unsupported message type',
    `The fake Cloud API does not model type "${body.type}".`,
  );
}
