import {
  AppError,
  type PreviewMedia,
  type TemplatePlaceholder,
  type WhatsAppContent,
  type WhatsAppTemplate,
} from '../contract';
import { validateParameterValue } from '../channels/whatsapp/templates';
import { type RenderIssue, type TemplateRenderer, compileOrThrow, renderSafely } from './email-render';
import { type CompiledTemplate, renderTemplate } from './liquid';
import { previewMedia, type ResolvedMedia, resolveHeaderMedia } from './wa-header-media';
import { pickTranslation } from './wa-language';
import type { TemplateLibrary } from './wa-library';

export type { ResolvedMedia } from './wa-header-media';

/** A campaign's WhatsApp message: the approved template, its translations and the compiled mapping. */
export interface PreparedWhatsApp {
  /** The chosen template; with `languageFromContact` it is the fallback language. */
  template: WhatsAppTemplate;
  /** APPROVED templates of the same name (one per language), the chosen one included. */
  translations: WhatsAppTemplate[];
  params: Map<string, CompiledTemplate>;
  languageFromContact: boolean;
  library: TemplateLibrary | null;
}

/** One recipient's message; `problems` non-empty means it must not be sent. */
export interface RenderedWhatsApp {
  /** The translation sent to this recipient (its name, language and placeholders). */
  template: WhatsAppTemplate;
  /** Parameter values by placeholder key (the `header.media` value included, as rendered). */
  values: Record<string, string>;
  /** The header file or link of an IMAGE/VIDEO/DOCUMENT header; null for other headers. */
  headerMedia: ResolvedMedia | null;
  problems: string[];
  /** The same problems in structured form (subject: the placeholder key), in the same order. */
  issues: RenderIssue[];
}

/** Preview parts of a rendered message (chat bubble). */
export interface WhatsAppPreviewParts {
  templateName: string;
  language: string;
  header: string | null;
  headerMedia: PreviewMedia | null;
  body: string;
  footer: string | null;
  buttons: string[];
}

/**
 * Checks the template is APPROVED and every required placeholder is mapped (an `optional` one, a
 * quick-reply payload, may be left out), and compiles the mapping.
 * With `library` (loadTemplateLibrary) it also picks translations per contact and resolves media
 * files; without, one language and links only. Throws AppError ('not_found' or
 * 'invalid_input') saying what to fix.
 */
export function prepareWhatsApp(
  content: WhatsAppContent,
  template: WhatsAppTemplate | null,
  library: TemplateLibrary | null = null,
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
  for (const p of template.placeholders) {
    if (p.optional) continue;
    const source = content.parameters[p.key];
    if (source === undefined || source.trim() === '') {
      const what = p.media
        ? `header ${p.media} to a file, a link or a column`
        : `placeholder {{${p.name}}} (${p.component}) to a contact field or a text`;
      throw new AppError('invalid_input', `Map the template ${what}.`, [
        { path: `whatsapp.parameters.${p.key}`, message: 'Required' },
      ]);
    }
  }
  const params = new Map<string, CompiledTemplate>();
  for (const [key, source] of Object.entries(content.parameters)) {
    if (source.trim() !== '') params.set(key, compileOrThrow(source, `whatsapp.parameters.${key}`));
  }
  const others = (library?.translations ?? []).filter((t) => t.id !== template.id && t.status === 'APPROVED');
  return {
    template,
    translations: [template, ...others],
    params,
    languageFromContact: content.languageFromContact === true,
    library,
  };
}

function buttonKind(p: TemplatePlaceholder): 'url' | 'coupon_code' | 'payload' | undefined {
  if (p.component !== 'button') return undefined;
  return p.name === 'coupon_code' || p.name === 'payload' ? p.name : 'url';
}

/**
 * Renders one recipient: picks the translation (contact's language when `languageFromContact`;
 * `opts.language` overrides the lookup by phone), renders each placeholder and checks it against
 * Meta's parameter rules, and resolves the header media. An `optional` placeholder (quick-reply
 * payload) unmapped or rendered blank gets no value and no problem: no payload is sent for it and Meta
 * returns the button text. Never throws for a recipient's data.
 * `opts.render` replaces `renderTemplate` (a cache giving the same results).
 */
export function renderWhatsApp(
  prepared: PreparedWhatsApp,
  vars: Record<string, string>,
  opts: { language?: string | null; render?: TemplateRenderer } = {},
): RenderedWhatsApp {
  let template = prepared.template;
  if (prepared.languageFromContact) {
    const language =
      opts.language !== undefined
        ? opts.language
        : (prepared.library?.contactLanguage(vars.phone ?? '') ?? null);
    template = pickTranslation(prepared.translations, language, prepared.template);
  }
  const issues: RenderIssue[] = [];
  const values: Record<string, string> = {};
  let headerMedia: ResolvedMedia | null = null;
  const render = opts.render ?? renderTemplate;
  for (const p of template.placeholders) {
    const compiled = prepared.params.get(p.key);
    const what = p.media ? `WhatsApp header ${p.media}` : `WhatsApp {{${p.name}}}`;
    const issue = (message: string) => issues.push({ code: 'whatsapp_parameter', subject: p.key, message });
    if (!compiled) {
      if (!p.optional) issue(`${what}: the ${template.language} translation uses it, but it is not mapped.`);
      continue;
    }
    const value = renderSafely(compiled, vars, false, what, issues, p.key, render);
    if (p.optional && value.trim() === '') continue;
    values[p.key] = value;
    if (p.media) {
      const media = resolveHeaderMedia(value, p.media, prepared.library);
      if (typeof media === 'string') issue(media);
      else headerMedia = media;
      continue;
    }
    const problem = validateParameterValue(value, p.component, buttonKind(p));
    if (problem) issue(`${what}: ${problem}`);
  }
  return { template, values, headerMedia, problems: issues.map((i) => i.message), issues };
}

function fill(text: string | null, component: string, values: Record<string, string>): string | null {
  if (text === null) return null;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => values[`${component}.${name}`] ?? m);
}

/** The chat-bubble preview of a rendered message (header, body with values filled in, footer, buttons). */
export function previewWhatsApp(
  _prepared: PreparedWhatsApp,
  rendered: RenderedWhatsApp,
): WhatsAppPreviewParts {
  const t = rendered.template;
  return {
    templateName: t.name,
    language: t.language,
    header: fill(t.header, 'header', rendered.values),
    headerMedia: rendered.headerMedia ? previewMedia(rendered.headerMedia) : null,
    body: fill(t.body, 'body', rendered.values) ?? '',
    footer: t.footer,
    buttons: t.buttons.map((b) => b.text),
  };
}
