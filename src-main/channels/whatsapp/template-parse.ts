import type { TemplatePlaceholder } from '../../contract/domain';
import type { RemoteTemplate, RemoteTemplateButton, RemoteTemplateComponent } from './types';

/** Header kinds of Meta's HEADER component (`format`). */
export type HeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

/** A template reduced to what Herald maps, previews and sends. */
export interface ParsedTemplate {
  /** In send order: header, body (positional by number, named by first use), then buttons by index. */
  placeholders: TemplatePlaceholder[];
  /** Header text (TEXT headers only), with its placeholders unfilled. */
  header: string | null;
  /** The header kind; media headers need `headerMedia` when building the payload. */
  headerFormat: HeaderFormat | null;
  body: string;
  footer: string | null;
  buttons: { type: string; text: string; url?: string }[];
  parameterFormat: 'POSITIONAL' | 'NAMED';
}

/** Any `{{…}}` placeholder; named ones are lower-case letters, digits and underscores (Meta's rule). */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * The distinct placeholder names in `text`: for POSITIONAL the numbers in ascending order (Meta
 * maps the n-th parameter to `{{n}}`), for NAMED the names in order of first use.
 */
export function placeholderNames(text: string, format: 'POSITIONAL' | 'NAMED'): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const numeric = /^\d+$/.test(name);
    if ((format === 'POSITIONAL') !== numeric || names.includes(name)) continue;
    names.push(name);
  }
  return format === 'POSITIONAL' ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

const componentOf = (t: RemoteTemplate, type: string): RemoteTemplateComponent | undefined =>
  t.components.find((c) => c.type.toUpperCase() === type);

function textExample(
  c: RemoteTemplateComponent,
  kind: 'header' | 'body',
  format: 'POSITIONAL' | 'NAMED',
  name: string,
): string | undefined {
  const ex = c.example;
  if (!ex) return undefined;
  if (format === 'NAMED') {
    const list = kind === 'header' ? ex.header_text_named_params : ex.body_text_named_params;
    return list?.find((p) => p.param_name === name)?.example;
  }
  const list = kind === 'header' ? ex.header_text : ex.body_text?.[0];
  return list?.[Number(name) - 1];
}

/** Meta's URL button example is the whole URL; the parameter is what replaces the trailing `{{1}}`. */
function urlButtonExample(button: RemoteTemplateButton): string | undefined {
  const example = Array.isArray(button.example) ? button.example[0] : button.example;
  if (example === undefined || !button.url) return undefined;
  const prefix = button.url.split(/\{\{\s*1\s*\}\}/)[0] ?? '';
  return example.startsWith(prefix) && example.length > prefix.length
    ? example.slice(prefix.length)
    : example;
}

function textPlaceholders(
  c: RemoteTemplateComponent | undefined,
  kind: 'header' | 'body',
  format: 'POSITIONAL' | 'NAMED',
): TemplatePlaceholder[] {
  if (!c?.text) return [];
  return placeholderNames(c.text, format).map((name) => {
    const example = textExample(c, kind, format, name);
    return { key: `${kind}.${name}`, component: kind, name, ...(example === undefined ? {} : { example }) };
  });
}

/** Header media kinds that take a send-time parameter (LOCATION headers are not supported by Herald). */
const MEDIA_FORMATS = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' } as const;

/** The `header.media` placeholder of an IMAGE/VIDEO/DOCUMENT header; its example is Meta's sample handle. */
function mediaPlaceholder(
  header: RemoteTemplateComponent | undefined,
  format: HeaderFormat | null,
): TemplatePlaceholder[] {
  if (format !== 'IMAGE' && format !== 'VIDEO' && format !== 'DOCUMENT') return [];
  const example = header?.example?.header_handle?.[0];
  return [
    {
      key: 'header.media',
      component: 'header',
      name: 'media',
      media: MEDIA_FORMATS[format],
      ...(example ? { example } : {}),
    },
  ];
}

function buttonPlaceholders(buttons: RemoteTemplateButton[]): TemplatePlaceholder[] {
  const out: TemplatePlaceholder[] = [];
  buttons.forEach((b, index) => {
    const type = b.type.toUpperCase();
    if (type === 'URL' && b.url && placeholderNames(b.url, 'POSITIONAL').includes('1')) {
      const example = urlButtonExample(b);
      out.push({
        key: `button.${index}.1`,
        component: 'button',
        name: '1',
        buttonIndex: index,
        ...(example ? { example } : {}),
      });
    } else if (type === 'COPY_CODE') {
      // The coupon code is a required send-time parameter (`sub_type: copy_code`).
      const example = Array.isArray(b.example) ? b.example[0] : b.example;
      out.push({
        key: `button.${index}.coupon_code`,
        component: 'button',
        name: 'coupon_code',
        buttonIndex: index,
        ...(example ? { example } : {}),
      });
    } else if (type === 'QUICK_REPLY') {
      // Meta sends the button text back when no payload is given, so the payload is optional.
      out.push({
        key: `button.${index}.payload`,
        component: 'button',
        name: 'payload',
        buttonIndex: index,
        optional: true,
      });
    }
  });
  return out;
}

/**
 * Reduces Meta's template object ("Template management") to texts, buttons and placeholders.
 * Keys: `header.1`, `body.2`, `body.first_name`, `button.<i>.1` (URL button at index i),
 * `button.<i>.coupon_code` (COPY_CODE button), `button.<i>.payload` (QUICK_REPLY button, `optional`:
 * its payload comes back when the button is tapped) and `header.media` (IMAGE/VIDEO/DOCUMENT header,
 * with `media` set: its value names the file or link). Examples come from `example.header_text`,
 * `example.body_text[0][n-1]`, `*_named_params` and the URL button's example URL. A template
 * without `parameter_format` is positional (its default).
 */
export function parseTemplate(t: RemoteTemplate): ParsedTemplate {
  const parameterFormat = t.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL';
  const header = componentOf(t, 'HEADER');
  const headerFormat = header ? ((header.format?.toUpperCase() ?? 'TEXT') as HeaderFormat) : null;
  const body = componentOf(t, 'BODY');
  const buttons = componentOf(t, 'BUTTONS')?.buttons ?? [];
  return {
    placeholders: [
      ...(headerFormat === 'TEXT' ? textPlaceholders(header, 'header', parameterFormat) : []),
      ...mediaPlaceholder(header, headerFormat),
      ...textPlaceholders(body, 'body', parameterFormat),
      ...buttonPlaceholders(buttons),
    ],
    header: headerFormat === 'TEXT' ? (header?.text ?? null) : null,
    headerFormat,
    body: body?.text ?? '',
    footer: componentOf(t, 'FOOTER')?.text ?? null,
    buttons: buttons.map((b) => ({ type: b.type, text: b.text, ...(b.url ? { url: b.url } : {}) })),
    parameterFormat,
  };
}

/** Replaces `{{name}}` in `text` with `values[name]` (names per component: `1`, `first_name`); unknown ones stay. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
