import { LiquidError, type Template } from 'liquidjs';
import { type FastPlan, planTemplate, renderPlan } from './liquid-fast';
import { TEMPLATE_LIMITS, liquidEngine } from './liquid-engine';

export { contactVariables, type ContactForTemplate } from './contact-variables';

/** Where a template problem is: 1-based line and column in the template source. */
export interface TemplatePosition {
  line: number;
  column: number;
}

/**
 * A template that does not parse. `message` is ready for the UI:
 * `Line 3, column 12: unknown filter "upcaes"`; `reason` is the same without the position.
 */
export class TemplateSyntaxError extends Error implements TemplatePosition {
  constructor(
    public readonly reason: string,
    public readonly line: number,
    public readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = 'TemplateSyntaxError';
  }
}

/**
 * A template that parsed but failed while rendering (a resource limit, or a filter that
 * rejected its input). Thrown by `renderTemplate`; `message` is ready for the UI.
 */
export class TemplateRenderError extends Error implements TemplatePosition {
  constructor(
    public readonly reason: string,
    public readonly line: number,
    public readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = 'TemplateRenderError';
  }
}

/**
 * A parsed template, rendered many times. Opaque: create it with `compileTemplate`.
 * It keeps one parse per escape mode because LiquidJS fixes escaping at parse time.
 */
export interface CompiledTemplate {
  readonly source: string;
  /** @internal parse cache keyed by `escapeHtml`; use `renderTemplate`. */
  readonly parsed: Map<boolean, Template[]>;
}

/** Options for one render. `escapeHtml`: true for email HTML bodies (values escaped, markup kept). */
export interface RenderOptions {
  escapeHtml: boolean;
}

/**
 * Parses `source` once. Returns a `TemplateSyntaxError` (not thrown) when the template has
 * a syntax error, an unknown tag or filter, or is longer than `TEMPLATE_LIMITS.parseChars`.
 */
export function compileTemplate(source: string): CompiledTemplate | TemplateSyntaxError {
  try {
    const plain = liquidEngine(false).parse(source);
    return { source, parsed: new Map([[false, plain]]) };
  } catch (e) {
    const { reason, line, column } = describeLiquidError(e);
    return new TemplateSyntaxError(reason, line, column);
  }
}

/**
 * Fast plans (liquid-fast.ts) per compiled template and escape mode; null = render with LiquidJS.
 * Kept beside the template, not in it, so `CompiledTemplate` stays a plain parse.
 */
const fastPlans = new WeakMap<CompiledTemplate, Map<boolean, FastPlan | null>>();

/**
 * Renders synchronously with `vars` as the only scope (own properties only; a missing
 * variable renders as `''`). Throws `TemplateRenderError` when a limit is exceeded or a
 * filter fails; never touches the file system or the network. Text-and-variables templates take a
 * fast path with the same output (liquid-fast.ts); the rest render through LiquidJS.
 */
export function renderTemplate(
  compiled: CompiledTemplate,
  vars: Record<string, string>,
  opts: RenderOptions,
): string {
  const engine = liquidEngine(opts.escapeHtml);
  let templates = compiled.parsed.get(opts.escapeHtml);
  if (!templates) {
    // Same source and syntax as the plain parse that already succeeded: cannot fail on syntax.
    templates = engine.parse(compiled.source);
    compiled.parsed.set(opts.escapeHtml, templates);
  }
  let plans = fastPlans.get(compiled);
  if (!plans) fastPlans.set(compiled, (plans = new Map()));
  let plan = plans.get(opts.escapeHtml);
  if (plan === undefined)
    plans.set(opts.escapeHtml, (plan = planTemplate(templates, engine, opts.escapeHtml)));
  if (plan) {
    const out = renderPlan(plan, vars, TEMPLATE_LIMITS.memory);
    if (out !== undefined) return out;
  }
  try {
    return String(engine.renderSync(templates, vars));
  } catch (e) {
    const { reason, line, column } = describeLiquidError(e);
    throw new TemplateRenderError(reason, line, column);
  }
}

/**
 * Names of the variables a template reads from its scope (sorted, unique, root names only:
 * `{{ order.total }}` gives `order`), excluding names it assigns itself and loop variables.
 * Best effort: returns `[]` for a template that does not parse.
 */
export function findVariables(source: string | CompiledTemplate): string[] {
  try {
    const engine = liquidEngine(false);
    const templates =
      typeof source === 'string'
        ? engine.parse(source)
        : (source.parsed.get(false) ?? engine.parse(source.source));
    return [...new Set(engine.globalVariablesSync(templates))].sort();
  } catch {
    return [];
  }
}

/** Rewrites LiquidJS's messages ("undefined filter: x, line:3, col:12") in the user's words. */
function describeLiquidError(e: unknown): { reason: string; line: number; column: number } {
  if (!LiquidError.is(e)) {
    return { reason: e instanceof Error ? e.message : String(e), line: 1, column: 1 };
  }
  const [line = 1, column = 1] = e.token.getPosition();
  const raw = e.message.replace(/, line:\d+, col:\d+$/, '').replace(/, file:.*$/, '');
  return { reason: friendlyReason(raw), line, column };
}

const FILE_TAG = /^tag "(include|render|layout|block)" not found$/;

function friendlyReason(raw: string): string {
  const filter = /^undefined filter: (.+)$/.exec(raw);
  if (filter) return `unknown filter "${filter[1]}"`;
  if (FILE_TAG.test(raw)) {
    return `${raw.replace(FILE_TAG, 'the "$1" tag')} is not available: a template cannot load other files`;
  }
  const tag = /^tag "(.+)" not found$/.exec(raw);
  if (tag) return `unknown tag "${tag[1]}"`;
  if (raw === 'template render limit exceeded')
    return 'the template took too long to render (check its loops)';
  if (raw === 'memory alloc limit exceeded')
    return 'the template builds too much text (check its loops and filters)';
  if (raw.startsWith('parse length limit exceeded')) return 'the template is too long';
  return raw;
}
