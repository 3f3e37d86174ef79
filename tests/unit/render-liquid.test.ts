import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  contactVariables,
  findVariables,
  renderTemplate,
  TemplateRenderError,
  TemplateSyntaxError,
  type CompiledTemplate,
} from '../../src-main/templates';

function compiled(source: string): CompiledTemplate {
  const t = compileTemplate(source);
  if (t instanceof TemplateSyntaxError) throw new Error(`unexpected syntax error: ${t.message}`);
  return t;
}

const render = (source: string, vars: Record<string, string>, escapeHtml = false): string =>
  renderTemplate(compiled(source), vars, { escapeHtml });

describe('contactVariables', () => {
  it('gives the built-in fields and every attribute, built-ins winning', () => {
    const vars = contactVariables({
      firstName: 'Jürgen',
      lastName: null,
      email: 'j@example.com',
      phone: '+4915112345678',
      attributes: { city: 'Köln', email: 'attacker@example.com', first_name: 'X' },
    });
    expect({ ...vars }).toEqual({
      first_name: 'Jürgen',
      last_name: '',
      full_name: 'Jürgen',
      email: 'j@example.com',
      phone: '+4915112345678',
      city: 'Köln',
    });
  });

  it('joins first and last name into full_name', () => {
    const vars = contactVariables({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: null,
      phone: null,
      attributes: {},
    });
    expect(vars.full_name).toBe('Ada Lovelace');
    expect(vars.email).toBe('');
  });

  it('keeps an attribute named __proto__ as a plain value', () => {
    const attributes = JSON.parse('{"__proto__":"p","plan":"gold"}') as Record<string, string>;
    const vars = contactVariables({ firstName: null, lastName: null, email: null, phone: null, attributes });
    expect(render('{{ __proto__ }}/{{ plan }}', vars)).toBe('p/gold');
  });
});

describe('renderTemplate', () => {
  it('substitutes variables, and renders one template for many contacts', () => {
    const t = compiled('Hello {{ first_name }} from {{ city }}!');
    expect(renderTemplate(t, { first_name: 'Ana', city: 'Porto' }, { escapeHtml: false })).toBe(
      'Hello Ana from Porto!',
    );
    expect(renderTemplate(t, { first_name: 'Bo', city: 'Oslo' }, { escapeHtml: false })).toBe(
      'Hello Bo from Oslo!',
    );
  });

  it('applies default to missing and empty values', () => {
    const src = 'Hi {{ first_name | default: "there" }}';
    expect(render(src, {})).toBe('Hi there');
    expect(render(src, { first_name: '' })).toBe('Hi there');
    expect(render(src, { first_name: 'Ana' })).toBe('Hi Ana');
  });

  it('renders a missing variable as empty, and an empty value as false in if', () => {
    expect(render('[{{ nope }}]', {})).toBe('[]');
    expect(render('{% if company %}at {{ company }}{% else %}none{% endif %}', { company: '' })).toBe('none');
    expect(render('{% if company %}at {{ company }}{% endif %}', { company: 'ACME' })).toBe('at ACME');
  });

  it('escapes values but not the template markup when escapeHtml is on', () => {
    const vars = { first_name: '<script>alert("x")</script> & Co' };
    const src = '<p>Hi <b>{{ first_name }}</b></p>';
    expect(render(src, vars, true)).toBe(
      '<p>Hi <b>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co</b></p>',
    );
    expect(render(src, vars, false)).toBe('<p>Hi <b><script>alert("x")</script> & Co</b></p>');
  });

  it('does not escape twice when the template already uses escape', () => {
    expect(render('{{ v | escape }}|{{ v | escape_once }}', { v: 'a&b' }, true)).toBe('a&amp;b|a&amp;b');
  });

  it('keeps both escape modes apart for the same compiled template', () => {
    const t = compiled('{{ v }}');
    expect(renderTemplate(t, { v: '<i>' }, { escapeHtml: true })).toBe('&lt;i&gt;');
    expect(renderTemplate(t, { v: '<i>' }, { escapeHtml: false })).toBe('<i>');
    expect(renderTemplate(t, { v: '<i>' }, { escapeHtml: true })).toBe('&lt;i&gt;');
  });

  it('reads own properties only', () => {
    expect(render('[{{ v.constructor }}][{{ v.length }}]', { v: 'abc' })).toBe('[][3]');
  });

  it('stops a runaway loop with a render error instead of hanging', () => {
    const t = compiled('{% for i in (1..100000) %}{% for j in (1..100000) %}{{ j }}{% endfor %}{% endfor %}');
    let caught: unknown;
    try {
      renderTemplate(t, {}, { escapeHtml: false });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TemplateRenderError);
    expect((caught as TemplateRenderError).message).toMatch(
      /^Line 1, column \d+: the template (took too long|builds too much)/,
    );
  });
});

describe('compileTemplate errors', () => {
  it('reports an unterminated output with its line and column', () => {
    const e = compileTemplate('Hello\n\nDear {{ first_name');
    expect(e).toBeInstanceOf(TemplateSyntaxError);
    const err = e as TemplateSyntaxError;
    expect([err.line, err.column]).toEqual([3, 6]);
    expect(err.message).toMatch(/^Line 3, column 6: output "\{\{ first_name" not closed/);
  });

  it('reports a bad tag expression at its position', () => {
    const err = compileTemplate('a\nb\n  {% if %}x{% endif %}') as TemplateSyntaxError;
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    expect(err.line).toBe(3);
    expect(err.message.startsWith('Line 3, column ')).toBe(true);
  });

  it('rejects an unknown filter at compile time', () => {
    const err = compileTemplate('Hi\n{{ first_name | upcaes }}') as TemplateSyntaxError;
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    expect(err.message).toBe('Line 2, column 1: unknown filter "upcaes"');
    expect(err.reason).toBe('unknown filter "upcaes"');
  });

  it('refuses tags that would read files', () => {
    for (const tag of ['include', 'render', 'layout']) {
      const err = compileTemplate(`x {% ${tag} "/etc/passwd" %}`) as TemplateSyntaxError;
      expect(err).toBeInstanceOf(TemplateSyntaxError);
      expect(err.message).toContain(`the "${tag}" tag is not available`);
    }
  });

  it('reports an unclosed block', () => {
    const err = compileTemplate('{% if first_name %}\nHi') as TemplateSyntaxError;
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    expect(err.message).toMatch(/^Line 1, column 1: tag \{% if first_name %\} not closed/);
  });
});

describe('findVariables', () => {
  it('lists the scope variables a template reads, once, sorted', () => {
    const src = `Hi {{ first_name | default: nickname }} {{ first_name }}
{% assign greeting = "x" %}{{ greeting }}
{% if city %}{{ city | upcase }}{% endif %}
{% for item in orders %}{{ item.total }}{% endfor %}{{ account.plan }}`;
    expect(findVariables(src)).toEqual(['account', 'city', 'first_name', 'nickname', 'orders']);
  });

  it('accepts a compiled template and returns [] for a broken one', () => {
    expect(findVariables(compiled('{{ b }}{{ a }}'))).toEqual(['a', 'b']);
    expect(findVariables('{{ a ')).toEqual([]);
  });
});
