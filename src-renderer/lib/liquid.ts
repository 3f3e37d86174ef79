import { CONTACT_FIELDS } from '../../src-main/contract';

/** Contact fields offered as template variables, with the words shown on chips and menus. */
export const FIELD_LABELS: Record<(typeof CONTACT_FIELDS)[number], string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name',
  email: 'Email',
  phone: 'Phone',
};

/** Imported attribute keys usable as bare Liquid variables (`{{ city }}`); others would need quoting. */
export function isPlainVariable(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
}

/**
 * The Liquid snippet for a variable. Name fields get a `default` filter so a contact without a
 * name still reads well ("Hello there"); LiquidJS syntax (https://liquidjs.com/filters/default.html).
 */
export function snippetFor(variable: string, withDefault: boolean): string {
  if (withDefault && (variable === 'first_name' || variable === 'full_name')) {
    return `{{ ${variable} | default: "there" }}`;
  }
  return `{{ ${variable} }}`;
}

/** Inserts `snippet` into `value` over the selection [start, end); returns the text and new caret. */
export function insertAt(
  value: string,
  snippet: string,
  start: number | null,
  end: number | null,
): { value: string; caret: number } {
  const from = start ?? value.length;
  const to = end ?? from;
  return { value: value.slice(0, from) + snippet + value.slice(to), caret: from + snippet.length };
}

/** A sensible first guess for a WhatsApp template parameter from its placeholder name. */
export function guessParameter(name: string, isFirst: boolean): string {
  const n = name.toLowerCase();
  for (const field of CONTACT_FIELDS)
    if (n === field || n === field.replace('_', '')) return `{{ ${field} }}`;
  if (isFirst && /(^|_)(first_?name|name|customer|client|recipient|contact)($|_)/.test(n)) {
    return '{{ first_name }}';
  }
  return '';
}
