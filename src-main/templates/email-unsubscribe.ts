import { AppError } from '../contract';
import { type CompiledTemplate, TemplateSyntaxError, compileTemplate, renderTemplate } from './liquid';

/**
 * What `{{ unsubscribe_url }}` renders to in a campaign body. The real address depends on Settings
 * (the unsubscribe page, the From address), which the sender applies per recipient with
 * `bindUnsubscribe`; the `.invalid` top-level domain can never resolve (RFC 2606 §2), so a
 * placeholder that escaped binding could not lead anywhere.
 */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.invalid/herald';

/** The name of the unsubscribe variable offered in the editor. */
export const UNSUBSCRIBE_VARIABLE = 'unsubscribe_url';

/** Replaces the placeholder in rendered HTML with `url` (HTML-escaped for an attribute). */
export function bindUnsubscribe(html: string, url: string): string {
  const escaped = url
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return html.split(UNSUBSCRIBE_PLACEHOLDER).join(escaped);
}

/** Replaces the placeholder in a rendered text/plain part with `url` as it is. */
export function bindUnsubscribeText(text: string, url: string): string {
  return text.split(UNSUBSCRIBE_PLACEHOLDER).join(url);
}

/** The settings' unsubscribe page compiled, or null when none is configured. */
export function compileUnsubscribeUrl(template: string): CompiledTemplate | null {
  if (template.trim() === '') return null;
  const compiled = compileTemplate(template);
  if (compiled instanceof TemplateSyntaxError)
    throw new AppError(
      'not_configured',
      `The unsubscribe address in Settings → Email has an error: ${compiled.message}`,
    );
  return compiled;
}

/**
 * One recipient's unsubscribe URL: the page with every variable URL-encoded (RFC 3986 §2.1), or
 * `mailto:<address>?subject=unsubscribe` (RFC 6068) when no page is configured.
 */
export function unsubscribeUrlFor(
  page: CompiledTemplate | null,
  mailto: string,
  vars: Record<string, string>,
): string {
  if (!page) return `mailto:${mailto}?subject=unsubscribe`;
  const encoded: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(vars)) encoded[k] = encodeURIComponent(v);
  return renderTemplate(page, encoded, { escapeHtml: false }).trim();
}
