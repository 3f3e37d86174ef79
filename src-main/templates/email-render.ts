import { AppError, type EmailContent } from '../contract';
import {
  type CompiledTemplate,
  TemplateRenderError,
  TemplateSyntaxError,
  compileTemplate,
  type RenderOptions,
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

/**
 * Renders one compiled template: `renderTemplate`, or a cache in front of it (the review lint). Throws
 * TemplateRenderError like `renderTemplate`.
 */
export type TemplateRenderer = (
  t: CompiledTemplate,
  vars: Record<string, string>,
  opts: RenderOptions,
) => string;

/**
 * A rendering problem in structured form (the review lint groups by it). `code`: `whatsapp_parameter`
 * when a WhatsApp parameter breaks Meta's rules or is not mapped, else `render_problem`. `subject`:
 * what it is about (`email.subject`, `email.html`, `email.text`, `email.attachment`, or a template
 * placeholder key such as `body.1` / `header.media`). `message` is the text in `problems`.
 */
export interface RenderIssue {
  code: 'render_problem' | 'whatsapp_parameter';
  subject: string;
  message: string;
}

/** One recipient's email; `problems` non-empty means it must not be sent. */
export interface RenderedEmail {
  subject: string;
  /** The body; `{{ unsubscribe_url }}` is UNSUBSCRIBE_PLACEHOLDER until the sender binds it. */
  html: string;
  /** The text/plain part when rendered from the template (same placeholder rule as `html`). */
  text?: string;
  problems: string[];
  /** The same problems in structured form, in the same order. */
  issues: RenderIssue[];
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

/**
 * Renders with a per-recipient render limit turned into a `render_problem` issue about `subject`,
 * never a crash.
 */
export function renderSafely(
  t: CompiledTemplate,
  vars: Record<string, string>,
  escapeHtml: boolean,
  what: string,
  issues: RenderIssue[],
  subject: string,
  render: TemplateRenderer = renderTemplate,
): string {
  try {
    return render(t, vars, { escapeHtml });
  } catch (e) {
    if (!(e instanceof TemplateRenderError)) throw e;
    issues.push({ code: 'render_problem', subject, message: `${what}: ${e.message}` });
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
 * resolved. A missing or oversize attachment is a problem of this recipient (not sent). `render`
 * replaces `renderTemplate` (a cache giving the same results).
 */
export function renderEmail(
  prepared: PreparedEmail,
  vars: Record<string, string>,
  render: TemplateRenderer = renderTemplate,
): RenderedEmail {
  const issues: RenderIssue[] = [];
  const scope = { ...vars, [UNSUBSCRIBE_VARIABLE]: UNSUBSCRIBE_PLACEHOLDER };
  const subject = renderSafely(
    prepared.subject,
    scope,
    false,
    'Email subject',
    issues,
    'email.subject',
    render,
  )
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const html = renderSafely(prepared.html, scope, true, 'Email body', issues, 'email.html', render);
  if (subject === '')
    issues.push({
      code: 'render_problem',
      subject: 'email.subject',
      message: 'The email subject is empty for this contact.',
    });
  const files: string[] = [];
  const attachments = resolveAttachments(prepared.attachments, vars, files);
  for (const message of files) issues.push({ code: 'render_problem', subject: 'email.attachment', message });
  const text = prepared.text
    ? renderSafely(prepared.text, scope, false, 'Email text', issues, 'email.text', render)
    : undefined;
  const problems = issues.map((i) => i.message);
  return text === undefined
    ? { subject, html, problems, issues, attachments }
    : { subject, html, text, problems, issues, attachments };
}
