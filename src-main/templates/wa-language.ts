import type { WhatsAppTemplate } from '../contract';

/**
 * Common language names as people type them in a contact file, mapped to the code Meta uses for
 * templates ("Supported languages": `en`, `en_US`, `de`, `pt_BR`, …).
 */
const NAMES: Record<string, string> = {
  english: 'en',
  german: 'de',
  deutsch: 'de',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
  spanish: 'es',
  espanol: 'es',
  español: 'es',
  italian: 'it',
  italiano: 'it',
  portuguese: 'pt_BR',
  português: 'pt_BR',
  dutch: 'nl',
  nederlands: 'nl',
  polish: 'pl',
  polski: 'pl',
  turkish: 'tr',
  türkçe: 'tr',
  arabic: 'ar',
  hindi: 'hi',
  indonesian: 'id',
  russian: 'ru',
};

/** `de-DE`, `de_de`, `DE` → `de_de`; a language name such as `German` → its code. */
export function normaliseLanguage(value: string): string {
  const v = value.trim().toLowerCase();
  return (NAMES[v] ?? v).toLowerCase().replace(/-/g, '_');
}

const base = (code: string) => code.split('_')[0] ?? code;

/**
 * Picks the translation to send to a contact whose language is `contactLanguage`: an exact match
 * (`de_DE` = `de-de`), then the bare language (`de_AT` → `de`), then the fallback when it shares the
 * language (`en` → `en_US`), then any translation of that language, else the fallback. Only
 * `translations` (APPROVED ones, the caller's choice) are considered.
 */
export function pickTranslation(
  translations: readonly WhatsAppTemplate[],
  contactLanguage: string | null | undefined,
  fallback: WhatsAppTemplate,
): WhatsAppTemplate {
  if (!contactLanguage?.trim()) return fallback;
  const wanted = normaliseLanguage(contactLanguage);
  const code = (t: WhatsAppTemplate) => t.language.toLowerCase().replace(/-/g, '_');
  return (
    translations.find((t) => code(t) === wanted) ??
    translations.find((t) => code(t) === base(wanted)) ??
    (base(code(fallback)) === base(wanted) ? fallback : undefined) ??
    translations.find((t) => base(code(t)) === base(wanted)) ??
    fallback
  );
}
