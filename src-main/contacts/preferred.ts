import type { PreferredChannel } from '../contract';

/** Cell words for each channel, lower-cased with spaces, dashes and dots removed (EN, ES, FR, DE, PT). */
const WORDS: Record<PreferredChannel, ReadonlySet<string>> = {
  email: new Set(['email', 'mail', 'correo', 'courriel', 'correoelectronico', 'emails']),
  whatsapp: new Set(['whatsapp', 'wa', 'whatsap', 'zap']),
};

/**
 * The preferred channel a cell names: email / e-mail / mail / correo / courriel → `email`,
 * whatsapp / WA / "whats app" → `whatsapp`; null for an empty cell; undefined for anything else
 * (the import reports it and keeps the contact without a preference).
 */
export function parsePreferredChannel(cell: string): PreferredChannel | null | undefined {
  const token = cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
  if (token === '') return null;
  if (WORDS.email.has(token)) return 'email';
  if (WORDS.whatsapp.has(token)) return 'whatsapp';
  return undefined;
}

/** A stored `preferred_channel` value as the contract's type (anything unexpected reads as no preference). */
export function preferredChannelOf(stored: string | null): PreferredChannel | null {
  return stored === 'email' || stored === 'whatsapp' ? stored : null;
}
