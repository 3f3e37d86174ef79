import type { RequestOutput, TemplateProblem } from '../contract';
import { TemplateSyntaxError, compileTemplate, findVariables } from './liquid';

/**
 * Checks an email's subject and body as a campaign would compile them, for the editor: syntax
 * errors with their line and column (1-based), the variables used, the subject's length in
 * characters (code points) and the body's size in UTF-8 bytes.
 */
export function checkEmailTemplate(subject: string, html: string): RequestOutput<'email:checkTemplate'> {
  const problems: TemplateProblem[] = [];
  const variables = new Set<string>();
  for (const [field, source] of [
    ['subject', subject],
    ['html', html],
  ] as const) {
    const compiled = compileTemplate(source);
    if (compiled instanceof TemplateSyntaxError) {
      problems.push({ field, line: compiled.line, column: compiled.column, message: compiled.message });
    } else {
      for (const v of findVariables(compiled)) variables.add(v);
    }
  }
  return {
    problems,
    variables: [...variables].sort(),
    subjectChars: [...subject].length,
    htmlBytes: Buffer.byteLength(html, 'utf8'),
  };
}
