import type { TemplatePlaceholder } from '../../contract/domain';

/** Media for an IMAGE/VIDEO/DOCUMENT header: an uploaded media `id` (faster) or a public `link`. */
export interface HeaderMedia {
  type: 'image' | 'video' | 'document';
  id?: string;
  link?: string;
  /** Documents only: the file name shown to the recipient. */
  filename?: string;
}

/** Inputs of `buildTemplatePayload`. */
export interface TemplatePayloadArgs {
  /** E.164 with `+` (without it Meta guesses a country code and may misdeliver). */
  to: string;
  name: string;
  language: string;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  placeholders: TemplatePlaceholder[];
  /** Value per placeholder key (`body.1`, `body.first_name`, `button.0.1`, …). */
  values: Record<string, string>;
  /** Echoed as `biz_opaque_callback_data` in status webhooks, ≤ 512 characters. */
  callbackData?: string;
  headerMedia?: HeaderMedia;
  /**
   * Payload per QUICK_REPLY button index; Meta returns it when the button is tapped. Merged over the
   * payloads found in `values` (`quickReplyPayloadsOf`), so it wins for the same index.
   */
  quickReplyPayloads?: Record<number, string>;
}

/** A programming error in the inputs of `buildTemplatePayload` (missing value, bad `to`, …). */
export class TemplatePayloadError extends Error {
  override name = 'TemplatePayloadError';
}

/** Meta's cap on `biz_opaque_callback_data`, characters ("Send messages"). */
export const MAX_CALLBACK_DATA = 512;

type Parameter = Record<string, unknown>;
type Component = { type: string; sub_type?: string; index?: string; parameters: Parameter[] };

function valueOf(args: TemplatePayloadArgs, p: TemplatePlaceholder): string {
  const value = args.values[p.key];
  if (value === undefined) throw new TemplatePayloadError(`No value for template placeholder ${p.key}.`);
  return value;
}

function textParameter(args: TemplatePayloadArgs, p: TemplatePlaceholder): Parameter {
  const text = valueOf(args, p);
  return args.parameterFormat === 'NAMED'
    ? { type: 'text', parameter_name: p.name, text }
    : { type: 'text', text };
}

function mediaParameter(media: HeaderMedia): Parameter {
  if (!media.id && !media.link)
    throw new TemplatePayloadError('Header media needs an uploaded media id or a link.');
  const object: Record<string, string> = media.id ? { id: media.id } : { link: media.link ?? '' };
  if (media.type === 'document' && media.filename) object.filename = media.filename;
  return { type: media.type, [media.type]: object };
}

const byNumber = (a: TemplatePlaceholder, b: TemplatePlaceholder) => Number(a.name) - Number(b.name);

function textComponent(args: TemplatePayloadArgs, kind: 'header' | 'body'): Parameter[] {
  const ps = args.placeholders.filter((p) => p.component === kind && p.media === undefined);
  if (args.parameterFormat === 'POSITIONAL') ps.sort(byNumber);
  return ps.map((p) => textParameter(args, p));
}

/**
 * The QUICK_REPLY payloads among `values`: button index → the value of each optional
 * `button.<i>.payload` placeholder. Unmapped or blank ones are left out: without a payload Meta
 * returns the button text when it is tapped ("Send messages", button parameter object).
 */
export function quickReplyPayloadsOf(
  placeholders: TemplatePlaceholder[],
  values: Record<string, string>,
): Record<number, string> {
  const out: Record<number, string> = {};
  for (const p of placeholders) {
    if (!p.optional || p.name !== 'payload' || p.buttonIndex === undefined) continue;
    const value = values[p.key];
    if (value !== undefined && value.trim() !== '') out[p.buttonIndex] = value;
  }
  return out;
}

function buttonComponents(args: TemplatePayloadArgs): Component[] {
  const byIndex = new Map<number, Component>();
  // Optional placeholders (quick-reply payloads) are sent only when they have a value, below.
  for (const p of args.placeholders.filter((x) => x.component === 'button' && !x.optional)) {
    if (p.buttonIndex === undefined)
      throw new TemplatePayloadError(`Button placeholder ${p.key} has no index.`);
    const value = valueOf(args, p);
    const parameter: Parameter =
      p.name === 'coupon_code' ? { type: 'coupon_code', coupon_code: value } : { type: 'text', text: value };
    const subType = p.name === 'coupon_code' ? 'copy_code' : 'url';
    byIndex.set(p.buttonIndex, {
      type: 'button',
      sub_type: subType,
      index: String(p.buttonIndex),
      parameters: [parameter],
    });
  }
  const payloads = { ...quickReplyPayloadsOf(args.placeholders, args.values), ...args.quickReplyPayloads };
  for (const [index, payload] of Object.entries(payloads)) {
    byIndex.set(Number(index), {
      type: 'button',
      sub_type: 'quick_reply',
      index: String(index),
      parameters: [{ type: 'payload', payload }],
    });
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
}

/**
 * Builds the `POST /{phone-number-id}/messages` body for a template message exactly as documented
 * ("Send messages"; whatsapp-cloud-api.md): header (text parameters or one media parameter), body,
 * then button components (`sub_type` url / copy_code / quick_reply with a string `index`; a quick
 * reply only when it has a payload, from `values` or `quickReplyPayloads`).
 * NAMED templates carry `parameter_name` on header and body text parameters. Components without
 * parameters are left out. Throws TemplatePayloadError when a required placeholder has no value, `to` is
 * not E.164 with `+`, or `callbackData` exceeds 512 characters. Values are not checked here: use
 * `validateParameterValue` first.
 */
export function buildTemplatePayload(args: TemplatePayloadArgs): object {
  if (!/^\+[1-9]\d{5,14}$/.test(args.to))
    throw new TemplatePayloadError(`"${args.to}" is not E.164 with a leading +.`);
  if (args.callbackData !== undefined && [...args.callbackData].length > MAX_CALLBACK_DATA) {
    throw new TemplatePayloadError(`Callback data exceeds ${MAX_CALLBACK_DATA} characters.`);
  }
  const mediaPlaceholder = args.placeholders.find((p) => p.media !== undefined);
  if (mediaPlaceholder && !args.headerMedia)
    throw new TemplatePayloadError(`The template's ${mediaPlaceholder.media} header needs header media.`);
  if (mediaPlaceholder && args.headerMedia && args.headerMedia.type !== mediaPlaceholder.media) {
    throw new TemplatePayloadError(
      `The template's header is ${mediaPlaceholder.media}, not ${args.headerMedia.type}.`,
    );
  }
  const components: Component[] = [];
  const header = args.headerMedia ? [mediaParameter(args.headerMedia)] : textComponent(args, 'header');
  if (header.length > 0) components.push({ type: 'header', parameters: header });
  const body = textComponent(args, 'body');
  if (body.length > 0) components.push({ type: 'body', parameters: body });
  components.push(...buttonComponents(args));
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: args.to,
    type: 'template',
    template: {
      name: args.name,
      language: { code: args.language },
      ...(components.length > 0 ? { components } : {}),
    },
    ...(args.callbackData === undefined ? {} : { biz_opaque_callback_data: args.callbackData }),
  };
}

/**
 * Meta's limits on one parameter, characters (whatsapp-cloud-api.md; Meta "Send messages" and
 * "Copy code buttons": a coupon code has at most 15 characters; a URL button's suffix is bounded by
 * the 2,000-character URL limit).
 */
export const PARAMETER_LIMITS = { header: 60, body: 1024, couponCode: 15, urlSuffix: 2000 } as const;

/**
 * Checks one parameter value against Meta's documented rules: not empty; no line break, tab or
 * more than 4 consecutive spaces (Meta error 132018 "Param text cannot have new-line/tab
 * characters or more than 4 consecutive spaces"); header ≤ 60 and body ≤ 1024 characters; URL and
 * coupon-code button values (`buttonKind`) per `PARAMETER_LIMITS` and without whitespace; a
 * quick-reply `payload` only not empty (Meta documents no other rule for it).
 * Returns the problem in words for the user, or null when the value is fine.
 */
export function validateParameterValue(
  value: string,
  component: 'header' | 'body' | 'button',
  buttonKind?: 'url' | 'coupon_code' | 'payload',
): string | null {
  if (value.trim() === '') return 'The value is empty: WhatsApp rejects empty template parameters.';
  if (buttonKind) return validateButtonValue(value, buttonKind);
  if (/[\r\n]/.test(value))
    return 'The value contains a line break, which WhatsApp does not allow in parameters.';
  if (value.includes('\t')) return 'The value contains a tab, which WhatsApp does not allow in parameters.';
  if (/ {5,}/.test(value)) return 'The value has more than 4 spaces in a row, which WhatsApp does not allow.';
  const length = [...value].length;
  if (component === 'header' && length > PARAMETER_LIMITS.header) {
    return `Header values may have at most ${PARAMETER_LIMITS.header} characters; this one has ${length}.`;
  }
  if (component === 'body' && length > PARAMETER_LIMITS.body) {
    return `Body values may have at most ${PARAMETER_LIMITS.body} characters; this one has ${length}.`;
  }
  return null;
}

/** Button values: a coupon code ≤ 15 characters without spaces; a URL suffix without whitespace. */
function validateButtonValue(value: string, kind: 'url' | 'coupon_code' | 'payload'): string | null {
  // Meta documents the quick-reply payload only as a "developer-defined payload that is returned when
  // the button is clicked" (Cloud API "Messages" reference, button parameter object; mirrored at
  // whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/button_parameter_object): no length or
  // character limit, so none is invented here. (The 256-character limit in the same reference is
  // for an interactive reply button's `id`, another message type.)
  if (kind === 'payload') return null;
  const length = [...value].length;
  if (kind === 'coupon_code') {
    if (/\s/.test(value)) return 'A coupon code cannot contain spaces or line breaks.';
    if (length > PARAMETER_LIMITS.couponCode)
      return `A coupon code may have at most ${PARAMETER_LIMITS.couponCode} characters; this one has ${length}.`;
    return null;
  }
  if (/\s/.test(value)) return 'The button link ending cannot contain spaces or line breaks.';
  if (length > PARAMETER_LIMITS.urlSuffix)
    return `The button link ending may have at most ${PARAMETER_LIMITS.urlSuffix} characters.`;
  return null;
}
