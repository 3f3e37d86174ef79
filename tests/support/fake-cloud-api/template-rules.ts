import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import { type FakeError, invalidParameter, waError } from './errors';

/*
 * How the fake checks a template message against the stored template, the way Meta does
 * (whatsapp-cloud-api.md, "Sending"). Deliberately independent of the product's parseTemplate so
 * a bug there cannot hide behind the same bug here.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the template requires at send time. */
interface Expected {
  headerFormat: string | null;
  /** Header text variables: numbers (positional) or names (named). */
  header: string[];
  body: string[];
  /** Button index → sub_type that needs (url, copy_code) or may take (quick_reply) a parameter. */
  buttons: Map<number, { subType: 'url' | 'copy_code' | 'quick_reply'; required: boolean }>;
}

function variables(text: string | undefined, named: boolean): string[] {
  const names = new Set<string>();
  for (const m of (text ?? '').matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
    if (m[1] !== undefined && /^\d+$/.test(m[1]) !== named) names.add(m[1]);
  }
  return [...names];
}

function expectedOf(t: RemoteTemplate): Expected {
  const named = t.parameter_format === 'NAMED';
  const find = (type: string) => t.components.find((c) => c.type.toUpperCase() === type);
  const header = find('HEADER');
  const headerFormat = header ? (header.format ?? 'TEXT').toUpperCase() : null;
  const buttons = new Map<number, { subType: 'url' | 'copy_code' | 'quick_reply'; required: boolean }>();
  (find('BUTTONS')?.buttons ?? []).forEach((b, i) => {
    const type = b.type.toUpperCase();
    if (type === 'URL') buttons.set(i, { subType: 'url', required: variables(b.url, false).length > 0 });
    if (type === 'COPY_CODE') buttons.set(i, { subType: 'copy_code', required: true });
    if (type === 'QUICK_REPLY') buttons.set(i, { subType: 'quick_reply', required: false });
  });
  return {
    headerFormat,
    header: headerFormat === 'TEXT' ? variables(header?.text, named) : [],
    body: variables(find('BODY')?.text, named),
    buttons,
  };
}

const countMismatch = (where: string, got: number, want: number): FakeError =>
  waError(
    132000,
    'Number of parameters does not match the expected number of params',
    `${where}: number of localizable_params (${got}) does not match the expected number of params (${want})`,
  );
const formatMismatch = (want: string, got: string): FakeError =>
  waError(
    132012,
    'Parameter format does not match format in the created template',
    `header: Format mismatch, expected ${want}, received ${got}`,
  );
const missing = (details: string): FakeError => waError(131008, 'Required parameter is missing', details);

/** Checks one text-like parameter; `named` requires a `parameter_name` among `names`. */
function checkTextParam(
  p: unknown,
  where: 'header' | 'body',
  named: boolean,
  names: string[],
  seen: Set<string>,
): FakeError | null {
  if (!isObject(p))
    return invalidParameter('Invalid parameter', `${where}: each parameter must be an object`);
  if (p.type === 'currency' || p.type === 'date_time') {
    const inner = p[p.type];
    if (!isObject(inner) || typeof inner.fallback_value !== 'string')
      return missing(`${where}: fallback_value is required`);
    return null;
  }
  if (p.type !== 'text') return formatMismatch('TEXT', String(p.type ?? 'UNKNOWN').toUpperCase());
  if (typeof p.text !== 'string' || p.text.trim() === '')
    return missing(`${where}: Parameter text is missing or empty`);
  if (/[\n\r\t]/.test(p.text) || / {5,}/.test(p.text)) {
    return waError(
      132018,
      "There's an issue with the parameters in your template",
      'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
    );
  }
  const limit = where === 'header' ? 60 : 1024;
  if ([...p.text].length > limit)
    return waError(132005, 'Translated text too long', `${where}: text exceeds ${limit} characters`);
  if (named) {
    if (typeof p.parameter_name !== 'string' || p.parameter_name === '') {
      return invalidParameter('Invalid parameter', 'Parameter name is missing or empty');
    }
    if (!names.includes(p.parameter_name) || seen.has(p.parameter_name)) {
      return waError(
        132000,
        'Number of parameters does not match the expected number of params',
        `${where}: parameter name (${p.parameter_name}) is unknown or given twice`,
      );
    }
    seen.add(p.parameter_name);
  }
  return null;
}

function checkHeader(params: unknown[], exp: Expected, named: boolean): FakeError | null {
  const media =
    exp.headerFormat && ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(exp.headerFormat) ? exp.headerFormat : null;
  if (media) {
    const p = params[0];
    const got = isObject(p) && typeof p.type === 'string' ? p.type.toUpperCase() : 'UNKNOWN';
    if (params.length !== 1 || got !== media) return formatMismatch(media, got);
    const object = (p as Json)[media.toLowerCase()];
    const ok = isObject(object) && (typeof object.id === 'string' || typeof object.link === 'string');
    if (!ok) return missing(`header: ${media.toLowerCase()} requires an id or a link`);
    if (typeof object.link === 'string' && !/^https?:\/\//.test(object.link)) {
      return waError(131009, 'Parameter value is not valid', 'header: media link must be an http(s) URL');
    }
    return null;
  }
  if (params.length !== exp.header.length) return countMismatch('header', params.length, exp.header.length);
  const seen = new Set<string>();
  for (const p of params) {
    const e = checkTextParam(p, 'header', named, exp.header, seen);
    if (e) return e;
  }
  return null;
}

function checkButton(c: Json, exp: Expected, seen: Set<number>): FakeError | null {
  const sub = c.sub_type;
  if (sub !== 'url' && sub !== 'quick_reply' && sub !== 'copy_code') {
    return invalidParameter(
      'Invalid parameter',
      'button: sub_type must be one of url, quick_reply, copy_code',
    );
  }
  const index = typeof c.index === 'number' ? c.index : typeof c.index === 'string' ? Number(c.index) : NaN;
  if (!Number.isInteger(index) || index < 0 || seen.has(index)) {
    return invalidParameter('Invalid parameter', 'button: index must be a unique non-negative integer');
  }
  seen.add(index);
  const button = exp.buttons.get(index);
  if (!button || button.subType !== sub) {
    return waError(131009, 'Parameter value is not valid', `Button at index ${index} is not of type ${sub}`);
  }
  const params = Array.isArray(c.parameters) ? c.parameters : [];
  const want = sub === 'url' ? (button.required ? 1 : 0) : 1;
  if (params.length !== want) return countMismatch('button', params.length, want);
  const p = params[0];
  if (p === undefined) return null;
  const valid =
    isObject(p) &&
    ((sub === 'url' && p.type === 'text' && typeof p.text === 'string' && p.text !== '') ||
      (sub === 'copy_code' &&
        p.type === 'coupon_code' &&
        typeof p.coupon_code === 'string' &&
        p.coupon_code !== '') ||
      (sub === 'quick_reply' && p.type === 'payload' && typeof p.payload === 'string'));
  return valid ? null : missing(`Button at index ${index} of type ${sub} has an invalid parameter`);
}

/**
 * Checks `template.components` of a send request against the stored template: per-component
 * parameter counts (132000), header media format (132012), named parameters (`parameter_name`),
 * required URL/copy-code button parameters (131008) and Meta's value rules (132018, 132005).
 */
export function checkComponents(components: unknown, template: RemoteTemplate): FakeError | null {
  if (components !== undefined && !Array.isArray(components)) {
    return invalidParameter("Param template['components'] must be an array");
  }
  const exp = expectedOf(template);
  const named = template.parameter_format === 'NAMED';
  const byType = new Map<string, unknown[]>();
  const seenButtons = new Set<number>();
  for (const [i, c] of ((components as unknown[] | undefined) ?? []).entries()) {
    const type = isObject(c) && typeof c.type === 'string' ? c.type.toLowerCase() : '';
    if (!['header', 'body', 'button'].includes(type)) {
      return invalidParameter(
        `Param template['components'][${i}]['type'] must be one of {HEADER, BODY, BUTTON}`,
      );
    }
    const component = c as Json;
    if (component.parameters !== undefined && !Array.isArray(component.parameters)) {
      return invalidParameter(`Param template['components'][${i}]['parameters'] must be an array`);
    }
    if (type === 'button') {
      const e = checkButton(component, exp, seenButtons);
      if (e) return e;
    } else if (byType.has(type)) {
      return invalidParameter('Invalid parameter', `${type}: component given more than once`);
    } else {
      byType.set(type, (component.parameters as unknown[] | undefined) ?? []);
    }
  }
  const headerError = checkHeader(byType.get('header') ?? [], exp, named);
  if (headerError) return headerError;
  const body = byType.get('body') ?? [];
  if (body.length !== exp.body.length) return countMismatch('body', body.length, exp.body.length);
  const seen = new Set<string>();
  for (const p of body) {
    const e = checkTextParam(p, 'body', named, exp.body, seen);
    if (e) return e;
  }
  for (const [index, b] of exp.buttons) {
    if (b.required && !seenButtons.has(index)) {
      const kind = b.subType === 'url' ? 'Url' : 'Copy_code';
      return missing(`Button at index ${index} of type ${kind} requires a parameter`);
    }
  }
  return null;
}
