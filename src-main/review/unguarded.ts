import { Output, TypeGuards } from 'liquidjs';
import { type CompiledTemplate, findVariables } from '../templates/liquid';

/**
 * Variables printed bare at the top level of a template: `{{ company }}` or `{{ company | upcase }}`
 * with no `default` filter, outside any `if` / `unless` / `for` (outputs nested in a tag are taken as
 * guarded by it). When such a variable is empty for a recipient, that recipient gets a gap in the
 * text ("Dear ,"): the lint's `empty_value`. Only plain names count (`{{ order.total }}`, literals and
 * expressions are left out), and only names the template reads from the contact: a name it sets
 * itself (`assign`, `capture`) before printing it is never empty. Reads the parse that
 * `compileTemplate` keeps; sorted, unique.
 */
export function unguardedVariables(t: CompiledTemplate): string[] {
  const nodes = t.parsed.get(false) ?? [];
  // LiquidJS's own scope analysis: a name used before its `assign` still counts as read.
  const global = new Set(findVariables(t));
  const names = new Set<string>();
  for (const node of nodes) {
    if (!(node instanceof Output)) continue;
    if (node.value.filters.some((f) => f.name === 'default')) continue;
    const postfix = node.value.initial.postfix;
    const only = postfix.length === 1 ? postfix[0] : undefined;
    if (!only || !TypeGuards.isPropertyAccessToken(only) || only.variable !== undefined) continue;
    const [root, ...rest] = only.props;
    if (root && rest.length === 0 && TypeGuards.isWordToken(root) && global.has(root.content))
      names.add(root.content);
  }
  return [...names].sort();
}

/** Whether a variable prints nothing visible for this recipient (missing, empty or blanks only). */
export function isBlank(vars: Record<string, unknown>, name: string): boolean {
  if (!Object.hasOwn(vars, name)) return true;
  const v = vars[name];
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
