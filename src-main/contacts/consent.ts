/** A recorded consent on one channel. */
export type Consent = 'granted' | 'denied';

/** Yes/no words in English, German, Spanish, Portuguese and French, plus what exports write (Mailchimp, HubSpot). */
const YES = new Set([
  'yes',
  'y',
  'true',
  '1',
  'x',
  'ja',
  'j',
  'si',
  'sim',
  'oui',
  'o',
  'granted',
  'subscribed',
  'optedin',
  'optin',
  'ok',
  'accepted',
  'agreed',
  'einverstanden',
  'zugestimmt',
  'da',
  'checked',
  '✓',
  '✔',
]);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'nein',
  'non',
  'nao',
  'denied',
  'unsubscribed',
  'optedout',
  'optout',
  'cleaned',
  'declined',
  'refused',
  'abgelehnt',
  'abgemeldet',
  'unchecked',
]);

function word(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .trim();
}

/**
 * Reads a yes/no cell: yes/no/true/false/1/0/ja/nein/sí/sim/não/oui/non/x and export words such as
 * "subscribed" and "opted out". Returns true, false, null for an empty cell, or undefined when the
 * value is not a yes/no answer.
 */
export function parseYesNo(value: string): boolean | null | undefined {
  const w = word(value);
  if (w === '') return null;
  if (YES.has(w)) return true;
  if (NO.has(w)) return false;
  return undefined;
}

/**
 * The consent a cell records: for a consent column yes → granted and no → denied; for an opt-out
 * ("unsubscribed") column yes → denied and no → nothing recorded (not being unsubscribed is no
 * consent). Undefined when the value is not a yes/no answer.
 */
export function consentFromCell(value: string, optOut: boolean): Consent | null | undefined {
  const yes = parseYesNo(value);
  if (yes === undefined || yes === null) return yes;
  if (optOut) return yes ? 'denied' : null;
  return yes ? 'granted' : 'denied';
}

/**
 * Combines a stored consent with one read from a file. An import never clears a record and never
 * turns a denial (an opt-out) into consent; a new denial is recorded.
 */
export function mergeConsent(stored: string | null, incoming: Consent | null): string | null {
  if (incoming === null || stored === 'denied') return stored;
  if (incoming === 'denied') return 'denied';
  return stored ?? incoming;
}
