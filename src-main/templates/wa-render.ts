import { AppError, type WhatsAppContent, type WhatsAppTemplate } from '../contract';
import { validateParameterValue } from '../channels/whatsapp/templates';
import { compileOrThrow, renderSafely } from './email-render';
import type { CompiledTemplate } from './liquid';

/** A campaign's WhatsApp message: the approved template and its compiled parameter mapping. */
export interface PreparedWhatsApp {
  template: WhatsAppTemplate;
  params: Map<string, CompiledTemplate>;
}

/** One recipient's parameter values by placeholder key; `problems` non-empty means it must not be sent. */
export interface RenderedWhatsApp {
  values: Record<string, string>;
  problems: string[];
}

/**
 * Checks the template is APPROVED and every placeholder is mapped, and compiles the mapping.
 * Throws AppError ('not_found' or 'invalid_input') saying what to fix.
 */
export function prepareWhatsApp(
  content: WhatsAppContent,
  template: WhatsAppTemplate | null,
): PreparedWhatsApp {
  if (!template)
    throw new AppError(
      'not_found',
      'The chosen WhatsApp template no longer exists: sync templates and pick it again.',
    );
  if (template.status !== 'APPROVED') {
    throw new AppError(
      'invalid_input',
      `The template "${template.name}" (${template.language}) is ${template.status}: only APPROVED templates can be sent.`,
    );
  }
  const params = new Map<string, CompiledTemplate>();
  for (const p of template.placeholders) {
    const source = content.parameters[p.key];
    if (source === undefined || source.trim() === '') {
      throw new AppError(
        'invalid_input',
        `Map the template placeholder {{${p.name}}} (${p.component}) to a contact field or a text.`,
        [{ path: `whatsapp.parameters.${p.key}`, message: 'Required' }],
      );
    }
    params.set(p.key, compileOrThrow(source, `whatsapp.parameters.${p.key}`));
  }
  return { template, params };
}

/** Renders each placeholder for one recipient and checks it against Meta's parameter rules. */
export function renderWhatsApp(prepared: PreparedWhatsApp, vars: Record<string, string>): RenderedWhatsApp {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const p of prepared.template.placeholders) {
    const compiled = prepared.params.get(p.key);
    const what = `WhatsApp {{${p.name}}}`;
    const value = compiled ? renderSafely(compiled, vars, false, what, problems) : '';
    values[p.key] = value;
    const problem = validateParameterValue(value, p.component);
    if (problem) problems.push(`${what}: ${problem}`);
  }
  return { values, problems };
}

function fill(text: string | null, component: string, values: Record<string, string>): string | null {
  if (text === null) return null;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => values[`${component}.${name}`] ?? m);
}

/** The chat-bubble preview of a rendered message (header, body with values filled in, footer, buttons). */
export function previewWhatsApp(
  prepared: PreparedWhatsApp,
  rendered: RenderedWhatsApp,
): { header: string | null; body: string; footer: string | null; buttons: string[] } {
  const t = prepared.template;
  return {
    header: fill(t.header, 'header', rendered.values),
    body: fill(t.body, 'body', rendered.values) ?? '',
    footer: t.footer,
    buttons: t.buttons.map((b) => b.text),
  };
}
