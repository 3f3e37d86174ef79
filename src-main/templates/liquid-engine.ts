import { Liquid, type FilterImplOptions } from 'liquidjs';

/**
 * Limits that keep a hostile or careless user-written template from hanging the app
 * (LiquidJS "DoS" options, https://liquidjs.com/tutorials/dos.html).
 */
export const TEMPLATE_LIMITS = {
  /** Longest template source accepted, in characters. */
  parseChars: 1_000_000,
  /** Longest time one render may take, in ms; checked between template nodes. */
  renderMs: 1_000,
  /** Objects/characters one render may allocate (ranges, string filters), in LiquidJS units. */
  memory: 5_000_000,
} as const;

/**
 * Tags that read other templates (from disk by default). User templates are self-contained,
 * so these are removed: using one is a syntax error at compile time, not a file read.
 */
const FILE_TAGS = ['include', 'render', 'layout', 'block'] as const;

const engines = new Map<boolean, Liquid>();

/**
 * The shared engine for one escape mode (cached; one instance per mode because LiquidJS
 * applies `outputEscape` when it parses an output, not when it renders it).
 *
 * Configuration: no file system (`templates: {}` and the file tags removed), unknown filters
 * are errors (`strictFilters`), unknown variables render as `''` so `default` works,
 * `jsTruthy` so an empty CSV cell is false in `{% if %}`, and the limits above.
 * With `escapeHtml`, every `{{ value }}` is HTML-escaped unless its last filter is `raw`;
 * `escape` / `escape_once` are marked raw there so writing them does not escape twice.
 */
export function liquidEngine(escapeHtml: boolean): Liquid {
  let engine = engines.get(escapeHtml);
  if (engine) return engine;
  engine = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    jsTruthy: true,
    cache: false,
    parseLimit: TEMPLATE_LIMITS.parseChars,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memory,
    ...(escapeHtml ? { outputEscape: 'escape' as const } : {}),
  });
  for (const tag of FILE_TAGS) Reflect.deleteProperty(engine.tags, tag);
  if (escapeHtml) {
    for (const name of ['escape', 'escape_once']) {
      const impl: FilterImplOptions | undefined = engine.filters[name];
      if (typeof impl === 'function') engine.registerFilter(name, { handler: impl, raw: true });
    }
  }
  engines.set(escapeHtml, engine);
  return engine;
}
