import { describe, expect, it } from 'vitest';
import {
  TemplateRenderError,
  TemplateSyntaxError,
  compileTemplate,
  renderTemplate,
} from '../../src-main/templates/liquid';
import { liquidEngine } from '../../src-main/templates/liquid-engine';
import { planTemplate } from '../../src-main/templates/liquid-fast';
import { prng } from '../support/prng';

const NAMES = ['first_name', 'city', 'blank', 'gone', 'amp', '__proto__', 'constructor', 'toString'];
const TEXTS = ['Hello ', ',\n', ' <b>&amp;</b> ', "Zoë “quoted” 'x' ", '  ', '\t<p>\n', 'a > b & c'];
const DEFAULTS = ['"there"', "'you'", '"Tom & <Jerry>"', '"it\'s"', '""', '"Zoë"'];
const PLANNABLE = [
  (n: string) => `{{ ${n} }}`,
  (n: string) => `{{- ${n} -}}`,
  (n: string, d: string) => `{{ ${n} | default: ${d} }}`,
  (n: string) => `{{ ${n} | escape }}`,
  (n: string, d: string) => `{{ ${n} | default: ${d} | escape }}`,
  (n: string, d: string) => `{{ ${n} | escape | default: ${d} }}`,
];
// Not plannable: the whole template must then render through LiquidJS, with the same result.
const OTHERS = [
  (n: string) => `{{ ${n} | upcase }}`,
  (n: string) => `{% if ${n} %}yes{% else %}no{% endif %}`,
  () => '{{ size }}',
  () => '{{ contact.name }}',
  (n: string) => `{{ ${n} | default: "x", allow_false: true }}`,
];

function randomTemplate(rand: () => number, plannableOnly: boolean): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let s = '';
  const parts = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < parts; i++) {
    s += pick(TEXTS);
    const makers = plannableOnly || rand() < 0.8 ? PLANNABLE : OTHERS;
    s += pick(makers)(pick(NAMES), pick(DEFAULTS));
  }
  return s + pick(TEXTS);
}

function randomVars(rand: () => number): Record<string, string> {
  const values = ['Zoë', '', '  ', 'Tom & "Jerry" <x>', "O'Brien", 'Köln\nLeeds'];
  const vars: Record<string, string> = rand() < 0.5 ? {} : (Object.create(null) as Record<string, string>);
  for (const n of NAMES) {
    if (n === 'gone' || rand() < 0.2) continue;
    Object.defineProperty(vars, n, {
      value: values[Math.floor(rand() * values.length)]!,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return vars;
}

/** LiquidJS's own render of the same source, without Herald's fast path. */
function reference(source: string, vars: Record<string, string>, escapeHtml: boolean): string {
  const engine = liquidEngine(escapeHtml);
  return String(engine.renderSync(engine.parse(source), vars));
}

describe('the fast render path', () => {
  it('has a plan for text with variables, defaults and escapes, in both escape modes', () => {
    for (const escapeHtml of [false, true]) {
      const engine = liquidEngine(escapeHtml);
      const src = '<h1>Hello {{ first_name | default: "there" }},</h1> {{ city | escape }}';
      expect(planTemplate(engine.parse(src), engine, escapeHtml)).not.toBeNull();
      expect(planTemplate(engine.parse('{% if a %}x{% endif %}'), engine, escapeHtml)).toBeNull();
      expect(planTemplate(engine.parse('{{ a | upcase }}'), engine, escapeHtml)).toBeNull();
    }
  });

  it('renders exactly what LiquidJS renders (2,000 random templates and scopes)', () => {
    const rand = prng(20240607);
    for (let i = 0; i < 2000; i++) {
      const source = randomTemplate(rand, i % 2 === 0);
      const compiled = compileTemplate(source);
      if (compiled instanceof TemplateSyntaxError) throw new Error(`${source}: ${compiled.message}`);
      const vars = randomVars(rand);
      for (const escapeHtml of [false, true]) {
        const got = renderTemplate(compiled, vars, { escapeHtml });
        expect({ source, escapeHtml, got }).toEqual({
          source,
          escapeHtml,
          got: reference(source, vars, escapeHtml),
        });
      }
    }
  });

  it('keeps LiquidJS’s memory limit on escaped values, with its error', () => {
    const compiled = compileTemplate('{{ big }}');
    if (compiled instanceof TemplateSyntaxError) throw compiled;
    const big = '&'.repeat(5_000_001);
    expect(() => renderTemplate(compiled, { big }, { escapeHtml: true })).toThrow(TemplateRenderError);
    expect(() => renderTemplate(compiled, { big }, { escapeHtml: true })).toThrow(/builds too much text/);
    // Unescaped output charges nothing in LiquidJS either.
    expect(renderTemplate(compiled, { big }, { escapeHtml: false })).toHaveLength(5_000_001);
  });

  it('falls back to LiquidJS for a value that is not a string', () => {
    const compiled = compileTemplate('{{ n | default: "none" }}');
    if (compiled instanceof TemplateSyntaxError) throw compiled;
    const vars = { n: 0 } as unknown as Record<string, string>;
    expect(renderTemplate(compiled, vars, { escapeHtml: false })).toBe(
      reference('{{ n | default: "none" }}', vars, false),
    );
  });
});
