import { htmlToText } from '../channels/email/compose';
import { type CompiledTemplate, TemplateSyntaxError, compileTemplate, findVariables } from './liquid';

/**
 * The plain-text part as a template: the body template converted to text once (html-to-text keeps
 * `{{ … }}` and `{% … %}` as the text they are, and prints `href="{{ url }}"` as `[{{ url }}]`),
 * then rendered per recipient without HTML escaping. This saves converting every recipient's HTML
 * (the costliest step of composing a message). Returns null, so the sender converts per recipient,
 * when the conversion could change the template's meaning: it does not compile, reads other
 * variables, or its Liquid tags do not survive in the same order.
 */
export function compileTextPart(html: CompiledTemplate): CompiledTemplate | null {
  const source = htmlToText(html.source);
  const compiled = compileTemplate(source);
  if (compiled instanceof TemplateSyntaxError) return null;
  const tags = (s: string) => (s.match(/\{%-?\s*\w+/g) ?? []).map((t) => t.replace(/[{%\s-]/g, ''));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(findVariables(compiled), findVariables(html)) || !same(tags(source), tags(html.source)))
    return null;
  return compiled;
}
