import { AppError, type EmailContent } from '../contract';
import {
  type CompiledTemplate,
  TemplateRenderError,
  TemplateSyntaxError,
  compileTemplate,
  renderTemplate,
} from './liquid';
import {
  type EmailAttachment,
  type PreparedAttachments,
  prepareAttachments,
  resolveAttachments,
} from './email-attachments';
import { compileTextPart } from './email-text';
import { UNSUBSCRIBE_PLACEHOLDER, UNSUBSCRIBE_VARIABLE } from './email-unsubscribe';

/** A campaign's email compiled once, rendered per recipient. */
export interface PreparedEmail {
  subject: CompiledTemplate;
  html: CompiledTemplate;
  /** The text/plain part as a template; null = derive it from each recipient's HTML. */
  text: CompiledTemplate | null;
  attachments: PreparedAttachments;
}

/** One recipient's email; `problems` non-empty means it must not be sent. */
export interface RenderedEmail {
  subject: string;
  /** The body; `{{ unsubscribe_url }}` is UNSUBSCRIBE_PLACEHOLDER until the sender binds it. */
  html: string;
  /** The text/plain part when rendered from the template (same placeholder rule as `html`). */
  text?: string;
  problems: string[];
  /** Files for this recipient, checked to exist (campaign-wide first, then the contact's own). */
  attachments: EmailAttachment[];
}

/** Compiles a template or throws AppError('invalid_input') naming the field, line and column. */
export function compileOrThrow(source: string, path: string): CompiledTemplate {
  const compiled = compileTemplate(source);
  if (compiled instanceof TemplateSyntaxError) {
    throw new AppError('invalid_input', `${path}: ${compiled.message}`, [
      { path, message: compiled.message },
    ]);
  }
  return compiled;
}

/** Renders with a per-recipient render limit turned into a problem, never a crash. */
export function renderSafely(
  t: CompiledTemplate,
  vars: Record<string, string>,
  escapeHtml: boolean,
  what: string,
  problems: string[],
): string {
  try {
    return renderTemplate(t, vars, { escapeHtml });
  } catch (e) {
    if (!(e instanceof TemplateRenderError)) throw e;
    problems.push(`${what}: ${e.message}`);
    return '';
  }
}

/**
 * Compiles subject and body and checks the campaign-wide attachments; throws AppError('invalid_input')
 * with the line and column of a syntax error, or naming a missing attachment.
 */
export function prepareEmail(content: EmailContent): PreparedEmail {
  const html = compileOrThrow(content.html, 'email.html');
  return {
    subject: compileOrThrow(content.subject, 'email.subject'),
    html,
    text: compileTextPart(html),
    attachments: prepareAttachments(content),
  };
}

/**
 * Renders one recipient's email: subject on one line, body values HTML-escaped, attachments
 * resolved. A missing or oversize attachment is a problem of this recipient (not sent).
 */
export function renderEmail(prepared: PreparedEmail, vars: Record<string, string>): RenderedEmail {
  const problems: string[] = [];
  const scope = { ...vars, [UNSUBSCRIBE_VARIABLE]: UNSUBSCRIBE_PLACEHOLDER };
  const subject = renderSafely(prepared.subject, scope, false, 'Email subject', problems)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const html = renderSafely(prepared.html, scope, true, 'Email body', problems);
  if (subject === '') problems.push('The email subject is empty for this contact.');
  const attachments = resolveAttachments(prepared.attachments, vars, problems);
  if (!prepared.text) return { subject, html, problems, attachments };
  const text = renderSafely(prepared.text, scope, false, 'Email text', problems);
  return { subject, html, text, problems, attachments };
}
