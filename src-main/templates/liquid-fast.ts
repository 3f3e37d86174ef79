import { Output, TokenKind, TypeGuards, filters, type Liquid, type Template } from 'liquidjs';

/** What an output does to its value, in order: LiquidJS's `default: "…"` or `escape` filter. */
type Step = { kind: 'default'; value: string } | { kind: 'escape' };

/** A piece of a straight-line template: literal text, or one variable with its filters. */
type Piece = string | { name: string; steps: Step[] };

/**
 * A parsed template that is only text and `{{ name }}` outputs, rendered without LiquidJS's
 * generator machinery. Most campaign templates are of this form (`Hello {{ first_name | default:
 * "there" }}`); anything else (tags, property paths, other filters) has no plan and renders through
 * LiquidJS.
 */
export type FastPlan = readonly Piece[];

/**
 * Root names LiquidJS resolves specially (`size` counts the scope's keys, `first` / `last` read
 * entries) even when no such variable exists: left to LiquidJS.
 */
const SPECIAL_NAMES = new Set(['size', 'first', 'last']);

// LiquidJS's own `escape` filter (filters.escape): its `outputEscape: 'escape'` and, in escape mode,
// the handler liquid-engine.ts re-registers as raw. Both are checked by identity below.
const ESCAPE = filters['escape'];
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};
const ESCAPED = /[&<>"']/g;

function escapeStep(engine: Liquid, name: string, isLast: boolean, escapeHtml: boolean): boolean {
  if (name === 'escape') return true; // the built-in (or its raw re-registration in escape mode)
  // The output escape LiquidJS appends at parse time is named after the function's type.
  return escapeHtml && isLast && name === '[object Function]' && engine.options.outputEscape === ESCAPE;
}

/**
 * The fast plan of `templates` parsed by `engine` (the engine of the same escape mode), or null when
 * some node is not plain text or a plain-variable output with only `default` (one quoted argument)
 * and `escape` filters.
 */
export function planTemplate(templates: Template[], engine: Liquid, escapeHtml: boolean): FastPlan | null {
  if (ESCAPE === undefined || engine.filters['escape'] === undefined) return null;
  const plan: Piece[] = [];
  for (const node of templates) {
    if (node.token.kind === TokenKind.HTML) {
      // What HTML.render writes (whitespace control already applied at parse time).
      const str = (node as unknown as { str?: unknown }).str;
      if (typeof str !== 'string') return null;
      plan.push(str);
      continue;
    }
    if (!(node instanceof Output)) return null;
    const postfix = node.value.initial.postfix;
    const only = postfix.length === 1 ? postfix[0] : undefined;
    if (!only || !TypeGuards.isPropertyAccessToken(only) || only.variable !== undefined) return null;
    const root = only.props.length === 1 ? only.props[0] : undefined;
    if (!root || !TypeGuards.isWordToken(root) || SPECIAL_NAMES.has(root.content)) return null;
    const steps: Step[] = [];
    const fs = node.value.filters;
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i]!;
      const arg = f.args[0];
      if (f.name === 'default' && f.args.length === 1 && TypeGuards.isQuotedToken(arg))
        steps.push({ kind: 'default', value: arg.content });
      else if (f.args.length === 0 && escapeStep(engine, f.name, i === fs.length - 1, escapeHtml))
        steps.push({ kind: 'escape' });
      else return null;
    }
    plan.push({ name: root.content, steps });
  }
  return plan;
}

/**
 * Renders a plan with `vars` exactly as LiquidJS would (own properties only; a missing variable is
 * `''`; `default` replaces a missing or empty value; `escape` replaces & < > " '). Returns undefined
 * (render with LiquidJS, which then reports the error) when a value is not a string or the escaped
 * characters pass `memoryLimit`, the budget LiquidJS's `escape` charges. No time check: a plan is one
 * pass over its pieces, linear in the template and the values.
 */
export function renderPlan(
  plan: FastPlan,
  vars: Record<string, unknown>,
  memoryLimit: number,
): string | undefined {
  let out = '';
  let used = 0;
  for (const piece of plan) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const raw = Object.hasOwn(vars, piece.name) ? vars[piece.name] : undefined;
    if (raw !== undefined && typeof raw !== 'string') return undefined;
    let value = raw ?? ''; // LiquidJS prints a missing variable as ''
    for (const step of piece.steps) {
      if (step.kind === 'default') {
        if (value === '') value = step.value;
      } else {
        used += value.length;
        if (used > memoryLimit) return undefined;
        value = value.replace(ESCAPED, (c) => ESCAPES[c]!);
      }
    }
    out += value;
  }
  return out;
}
