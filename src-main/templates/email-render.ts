import { AppError, type EmailContent } from '../contract';
import {
  type CompiledTemplate,
  TemplateRenderError,
  TemplateSyntaxError,
  compileTemplate,
  renderTemplate,
} from './liquid';

/** A campaign's email compiled once, rendered per recipient. */
export interface PreparedEmail {
  subject: CompiledTemplate;
  html: CompiledTemplate;
}

/** One recipient's email; `problems` non-empty means it must not be sent. */
export interface RenderedEmail {
  subject: string;
  html: string;
  problems: string[];
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

/** Compiles subject and body; throws AppError('invalid_input') with the line and column of a syntax error. */
export function prepareEmail(content: EmailContent): PreparedEmail {
  return {
    subject: compileOrThrow(content.subject, 'email.subject'),
    html: compileOrThrow(content.html, 'email.html'),
  };
}

/** Renders one recipient's email: subject on one line, body values HTML-escaped. */
export function renderEmail(prepared: PreparedEmail, vars: Record<string, string>): RenderedEmail {
  const problems: string[] = [];
  const subject = renderSafely(prepared.subject, vars, false, 'Email subject', problems)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const html = renderSafely(prepared.html, vars, true, 'Email body', problems);
  if (subject === '') problems.push('The email subject is empty for this contact.');
  return { subject, html, problems };
}
