import { AppError, type CampaignDraft, type RecipientPreview, type WhatsAppTemplate } from '../contract';
import { validateParameterValue } from '../channels/whatsapp/templates';
import {
  type CompiledTemplate,
  TemplateRenderError,
  TemplateSyntaxError,
  compileTemplate,
  contactVariables,
  renderTemplate,
} from '../templates/liquid';

/** The contact fields rendering needs. */
export interface RenderContact {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, string>;
}

/** A campaign's content compiled once, rendered per recipient. */
export interface PreparedCampaign {
  draft: CampaignDraft;
  email: { subject: CompiledTemplate; html: CompiledTemplate } | null;
  whatsapp: { template: WhatsAppTemplate; params: Map<string, CompiledTemplate> } | null;
}

/** One recipient's messages, or the problems that stop them being sent. */
export interface RenderedMessage {
  email: { subject: string; html: string } | null;
  whatsapp: { values: Record<string, string> } | null;
  problems: string[];
}

function compileOrThrow(source: string, what: string): CompiledTemplate {
  const compiled = compileTemplate(source);
  if (compiled instanceof TemplateSyntaxError) {
    throw new AppError('invalid_input', `${what}: ${compiled.message}`, [
      { path: what, message: compiled.message },
    ]);
  }
  return compiled;
}

/**
 * Compiles the draft's Liquid templates and checks the WhatsApp template is APPROVED with every
 * placeholder mapped. Throws AppError('invalid_input') saying which part to fix.
 */
export function prepareCampaign(draft: CampaignDraft, template: WhatsAppTemplate | null): PreparedCampaign {
  const email = draft.email
    ? {
        subject: compileOrThrow(draft.email.subject, 'email.subject'),
        html: compileOrThrow(draft.email.html, 'email.html'),
      }
    : null;
  let whatsapp: PreparedCampaign['whatsapp'] = null;
  if (draft.whatsapp) {
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
      const source = draft.whatsapp.parameters[p.key];
      if (source === undefined || source.trim() === '') {
        throw new AppError(
          'invalid_input',
          `Map the template placeholder {{${p.name}}} (${p.component}) to a contact field or a text.`,
          [{ path: `whatsapp.parameters.${p.key}`, message: 'Required' }],
        );
      }
      params.set(p.key, compileOrThrow(source, `whatsapp.parameters.${p.key}`));
    }
    whatsapp = { template, params };
  }
  return { draft, email, whatsapp };
}

/** Renders one recipient. Never throws: rendering problems come back in `problems`. */
export function renderForContact(prepared: PreparedCampaign, contact: RenderContact): RenderedMessage {
  const vars = contactVariables(contact);
  const problems: string[] = [];
  // A template that hits a render limit for this contact is a problem of this recipient, not a crash.
  const render = (t: CompiledTemplate, escapeHtml: boolean, what: string): string => {
    try {
      return renderTemplate(t, vars, { escapeHtml });
    } catch (e) {
      if (!(e instanceof TemplateRenderError)) throw e;
      problems.push(`${what}: ${e.message}`);
      return '';
    }
  };
  const email = prepared.email
    ? {
        subject: render(prepared.email.subject, false, 'Email subject')
          .replace(/[\r\n]+/g, ' ')
          .trim(),
        html: render(prepared.email.html, true, 'Email body'),
      }
    : null;
  if (email && email.subject === '') problems.push('The email subject is empty for this contact.');
  let whatsapp: RenderedMessage['whatsapp'] = null;
  if (prepared.whatsapp) {
    const values: Record<string, string> = {};
    for (const p of prepared.whatsapp.template.placeholders) {
      const compiled = prepared.whatsapp.params.get(p.key);
      const value = compiled ? render(compiled, false, `WhatsApp {{${p.name}}}`) : '';
      values[p.key] = value;
      const problem = validateParameterValue(value, p.component);
      if (problem) problems.push(`WhatsApp {{${p.name}}}: ${problem}`);
    }
    whatsapp = { values };
  }
  return { email, whatsapp, problems };
}

/** Fills a template text's placeholders (`{{1}}`, `{{first_name}}`) of one component for previews. */
function fill(text: string | null, component: string, values: Record<string, string>): string | null {
  if (text === null) return null;
  return text.replace(/\{\{\s*([\w]+)\s*\}\}/g, (m, name: string) => values[`${component}.${name}`] ?? m);
}

/** The preview of one recipient, rendered exactly as the runner will send it. */
export function previewForContact(prepared: PreparedCampaign, contact: RenderContact): RecipientPreview {
  const r = renderForContact(prepared, contact);
  const mode = prepared.draft.channelMode;
  const problems = [...r.problems];
  const name =
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
    contact.email ||
    contact.phone ||
    `#${contact.id}`;
  if (mode !== 'whatsapp' && !contact.email && mode !== 'whatsapp_then_email')
    problems.push('No email address: the email will be skipped.');
  if (mode !== 'email' && !contact.phone)
    problems.push('No phone number: the WhatsApp message will be skipped.');
  const t = prepared.whatsapp?.template;
  return {
    contactId: contact.id,
    name,
    email: r.email && contact.email ? { to: contact.email, ...r.email } : null,
    whatsapp:
      t && r.whatsapp && contact.phone
        ? {
            to: contact.phone,
            header: fill(t.header, 'header', r.whatsapp.values),
            body: fill(t.body, 'body', r.whatsapp.values) ?? '',
            footer: t.footer,
            buttons: t.buttons.map((b) => b.text),
          }
        : null,
    problems,
  };
}
