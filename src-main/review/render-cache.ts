import { Context, type Template } from 'liquidjs';
import type { TemplateRenderer } from '../templates/email-render';
import { type CompiledTemplate, type RenderOptions, renderTemplate } from '../templates/liquid';
import { TEMPLATE_LIMITS, liquidEngine } from '../templates/liquid-engine';
import { planTemplate } from '../templates/liquid-fast';

/** Characters (keys and renders) one part's memo may hold, ~8 MB: it then stops growing. */
const PART_BUDGET_CHARS = 4_000_000;
/**
 * Tags that neither change the scope nor keep state between nodes: a template made of text, outputs
 * and these renders node by node exactly as in one go. Others (`assign`, `capture`, `increment`,
 * `cycle`, `for` with `offset: continue`, `liquid`, …) make it render whole.
 */
const STATELESS_TAGS = new Set([
  ...['if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase'],
  ...['comment', 'endcomment', 'raw', 'endraw', 'echo', '#'],
]);

/** A run of top-level nodes rendered as a unit, memoised by the values of the variables it reads. */
interface Part {
  nodes: Template[];
  names: string[];
  memo: Map<string, { out: string; memory: number }>;
  /** Characters held by `memo`. */
  chars: number;
}

/**
 * The values of `names` in `vars`, tagged so that a missing variable, `''` and a non-string value
 * never share a key (`{% if x == nil %}` tells them apart), length-prefixed so no two lists collide.
 */
function scopeKey(names: readonly string[], vars: Record<string, unknown>): string {
  let key = '';
  for (const n of names) {
    if (!Object.hasOwn(vars, n)) key += 'u;';
    else {
      const v = vars[n];
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      key += `${typeof v === 'string' ? 's' : 'j'}${s.length}:${s}`;
    }
  }
  return key;
}

/** Memory a render used (LiquidJS's Limiter keeps it in `base`); null if this LiquidJS has no such field. */
function memoryUsed(ctx: Context): number | null {
  const base: unknown = Reflect.get(ctx.memoryLimit, 'base');
  return typeof base === 'number' ? base : null;
}

/**
 * `renderTemplate` with memos, for rendering one campaign for many recipients (the review lint).
 * Templates renderTemplate renders on its fast path (text and plain variables) go straight to it.
 * Another template made of text, outputs and stateless tags is rendered node by node, each node memoised
 * by the values of the variables it reads (LiquidJS's static analysis), so recipients sharing a first
 * name or a city render that node once; other templates are memoised whole the same way. The engine
 * has no file system and reads own properties only, so a node is a pure function of those values and
 * the joined parts equal one render. Limits stay exact: the memory each part used is summed (LiquidJS
 * counts it per render) and any excess, or any error, renders the template whole again, so the
 * result or the TemplateRenderError is exactly `renderTemplate`'s. (The time limit is per part, as
 * time limits are not reproducible anyway.) Each part's memo stops growing at PART_BUDGET_CHARS.
 * One cache per lint run.
 */
export class RenderCache {
  private readonly plans = new Map<CompiledTemplate, Map<boolean, Part[] | null>>();
  private hitCount = 0;
  private lookupCount = 0;

  /** The renderer to pass to renderEmail / renderWhatsApp. */
  readonly render: TemplateRenderer = (t, vars, opts) => {
    const parts = this.plan(t, opts);
    if (!parts) return renderTemplate(t, vars, opts);
    const engine = liquidEngine(opts.escapeHtml);
    let out = '';
    let memory = 0;
    for (const p of parts) {
      const key = scopeKey(p.names, vars);
      let hit = p.memo.get(key);
      this.lookupCount += 1;
      if (hit) this.hitCount += 1;
      else {
        const ctx = new Context(vars, engine.options, { sync: true }, { liquid: engine });
        let text: string;
        try {
          text = String(engine.renderSync(p.nodes, ctx));
        } catch {
          return renderTemplate(t, vars, opts); // the exact error (or result) of one render
        }
        const used = memoryUsed(ctx);
        if (used === null) return renderTemplate(t, vars, opts);
        hit = { out: text, memory: used };
        if (p.chars < PART_BUDGET_CHARS) {
          p.memo.set(key, hit);
          p.chars += key.length + text.length;
        }
      }
      out += hit.out;
      memory += hit.memory;
    }
    // One render counts memory across all parts: over the limit, it would have failed.
    return memory > TEMPLATE_LIMITS.memory ? renderTemplate(t, vars, opts) : out;
  };

  /** Hits and lookups so far (parts), for the benchmark's notes. */
  stats(): { hits: number; lookups: number } {
    return { hits: this.hitCount, lookups: this.lookupCount };
  }

  /**
   * The parts of `t` in this escape mode; null (render with renderTemplate) until renderTemplate has
   * parsed it, when it has a fast plan (liquid-fast.ts), or when analysis fails.
   */
  private plan(t: CompiledTemplate, opts: RenderOptions): Part[] | null {
    let byMode = this.plans.get(t);
    if (!byMode) {
      byMode = new Map();
      this.plans.set(t, byMode);
    }
    if (byMode.has(opts.escapeHtml)) return byMode.get(opts.escapeHtml) ?? null;
    const nodes = t.parsed.get(opts.escapeHtml);
    if (!nodes) return null; // the first render parses this mode (renderTemplate keeps the parse)
    // Text and plain variables: renderTemplate's own fast path beats any memo.
    const fast = planTemplate(nodes, liquidEngine(opts.escapeHtml), opts.escapeHtml) !== null;
    const parts = fast ? null : this.split(nodes, t.source, opts.escapeHtml);
    byMode.set(opts.escapeHtml, parts);
    return parts;
  }

  private split(nodes: Template[], source: string, escapeHtml: boolean): Part[] | null {
    const engine = liquidEngine(escapeHtml);
    const part = (list: Template[]): Part => ({
      nodes: list,
      names: [...new Set(engine.globalVariablesSync(list))].sort(),
      memo: new Map(),
      chars: 0,
    });
    // `{{ [key] }}` reads the variable NAMED by `key`, which the scope analysis cannot list: such a
    // template is rendered every time (any `[` inside markup; literals with brackets lose the memo too).
    if (/\{[{%][^}]*\[/.test(source)) return null;
    try {
      const tags = [...source.matchAll(/\{%-?\s*([#\w]+)/g)].map((m) => m[1] ?? '');
      if (tags.every((name) => STATELESS_TAGS.has(name))) return nodes.map((n) => part([n]));
      return [part(nodes)];
    } catch {
      return null; // analysis failed: render every time
    }
  }
}
