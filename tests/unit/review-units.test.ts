import { describe, expect, it } from 'vitest';
import { CampaignDraft, type Channel } from '../../src-main/contract';
import { LintCollector, mergeShards } from '../../src-main/review/lint-collect';
import { checkRecipient, leftoverAt, lintContext, sameText } from '../../src-main/review/lint-check';
import { RenderCache } from '../../src-main/review/render-cache';
import { unguardedVariables } from '../../src-main/review/unguarded';
import { type AudienceRow, planContact } from '../../src-main/sending/outbox';
import { prepareCampaign } from '../../src-main/sending/render';
import { compileOrThrow } from '../../src-main/templates/email-render';
import { TemplateRenderError, renderTemplate } from '../../src-main/templates/liquid';

const compile = (s: string) => compileOrThrow(s, 'test');

describe('RenderCache', () => {
  // [source, memoised by parts] — text and plain variables take renderTemplate's fast path instead.
  const templates: [string, boolean][] = [
    ['Hi {{ first_name }}, {{ city | upcase }}!', true],
    [
      '{% if company %}<b>{{ company }}</b>{% else %}no company{% endif %} {{ first_name | default: "x" }}',
      true,
    ],
    ['{% assign n = first_name | size %}{{ n }} {{ first_name }}', true], // state between nodes: rendered whole
    ['{% for c in (1..2) %}{{ c }}{{ city }}{% endfor %}', true],
    [
      '{% if first_name == nil %}nil{% elsif first_name == "" %}empty{% else %}{{ first_name }}{% endif %}',
      true,
    ],
    ['{{ note }} & {{ "<x>" }} {{ note | escape }}', true],
    ['Hello {{ first_name | default: "you" }} from {{ city }}', false],
    // The variable read is named by another one: no memo can key it (rendered every time).
    ['Hi {{ [key] }}!', false],
    ['{% if x %}{{ [key] }}{% endif %}{{ city | upcase }}', false],
  ];
  const scopes: Record<string, string>[] = [
    { first_name: 'Ann', city: 'York', company: 'A&B', note: '<i>', key: 'city', x: '1' },
    { first_name: 'Ann', city: 'Paris', key: 'city', x: '1' },
    { first_name: 'Ann', city: 'London', key: 'city', x: '1' },
    { first_name: '', city: 'York', company: '' },
    { city: 'Leeds', note: '"q"' },
    { first_name: 'Ann', city: 'Leeds', company: 'A&B', note: '<i>' },
    { first_name: 'Ann', city: 'York', company: 'A&B', note: '<i>' },
  ];

  it('renders exactly what renderTemplate does, in both escape modes, hits included', () => {
    for (const [source, memoised] of templates) {
      const t = compile(source);
      const cache = new RenderCache();
      for (const escapeHtml of [false, true])
        for (let round = 0; round < 2; round++)
          for (const vars of scopes)
            expect(cache.render(t, vars, { escapeHtml }), source).toBe(
              renderTemplate(t, vars, { escapeHtml }),
            );
      expect(cache.stats().hits > 0, source).toBe(memoised);
    }
  });

  it('keeps the memory limit of one render across the parts it renders apart', () => {
    // Each output allocates ~2 M characters (append); three of them exceed the 5 M limit together.
    const t = compile('{{ x | append: x }}-{{ x | append: x }}-{{ x | append: x }}');
    const vars = { x: 'a'.repeat(1_000_000) };
    const cache = new RenderCache();
    let expected: unknown;
    try {
      renderTemplate(t, vars, { escapeHtml: false });
    } catch (e) {
      expected = e;
    }
    expect(expected).toBeInstanceOf(TemplateRenderError);
    expect(() => cache.render(t, vars, { escapeHtml: false })).toThrow((expected as Error).message);
    expect(() => cache.render(t, vars, { escapeHtml: false })).toThrow((expected as Error).message);
  });
});

describe('static analysis and checks', () => {
  it('lists variables printed bare at the top level only', () => {
    expect(
      unguardedVariables(
        compile(
          '{{ a }} {{ b | upcase }} {{ c | default: "x" }} {{ d.e }} {{ "lit" }} {% if f %}{{ f }}{% endif %}{% for i in (1..2) %}{{ g }}{% endfor %}{{ a }}',
        ),
      ),
    ).toEqual(['a', 'b']);
  });

  it('leaves out names the template sets itself, but not one printed before its assign', () => {
    const t = compile(
      '{% assign greeting = "Dear customer" %}{{ greeting }}{% capture sig %}The team{% endcapture %}{{ sig }}{{ later }}{% assign later = "x" %}',
    );
    expect(unguardedVariables(t)).toEqual(['later']);
  });

  it('finds leftover placeholders, but not the braces of CSS in HTML', () => {
    expect(leftoverAt('Hi {{ name }}')).toContain('{{ name }}');
    expect(leftoverAt('Hi {{1}}')).not.toBeNull();
    expect(leftoverAt('50%} off')).not.toBeNull();
    expect(leftoverAt('<style>@media x{a{b:c}}</style><!-- {% x %} --><p>ok</p>', true)).toBeNull();
    expect(leftoverAt('<style>a{b:c}}</style><p>{% x</p>', true)).toContain('{% x');
  });

  it('reports a duplicate address as a skip of the later contact (planContact decides)', () => {
    const draft = CampaignDraft.parse({
      name: 'd',
      channelMode: 'email',
      email: { subject: 'Hi', html: '<p>x</p>' },
    });
    const ctx = lintContext(prepareCampaign(draft, null));
    const seen: Record<Channel, Set<string>> = { email: new Set(), whatsapp: new Set() };
    const collector = new LintCollector();
    for (const id of [1, 2]) {
      const row: AudienceRow = {
        id,
        email: 'same@example.com',
        phone: null,
        email_consent: null,
        whatsapp_consent: null,
        email_suppressed: null,
        wa_suppressed: null,
      };
      const contact = { id, firstName: 'A', lastName: null, email: row.email, phone: null, attributes: {} };
      collector.add(
        id,
        checkRecipient(ctx, { row, contact, language: null }, planContact('email', row, seen)).findings,
      );
    }
    const { problems } = mergeShards([collector.result(false)]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'duplicate_address',
        severity: 'skip',
        channel: 'email',
        contactIds: [2],
      }),
    ]);
  });

  it('merges shards: ids ascending, the example of the lowest id, blocking recipients summed', () => {
    const a = new LintCollector();
    const b = new LintCollector();
    const f = (example: string) => [
      { code: 'render_problem' as const, channel: 'email' as const, subject: 'email.html', example },
    ];
    b.add(1, f('one'));
    a.add(2, f('two'));
    b.add(3, f('three'));
    a.add(4, []);
    const m = mergeShards([a.result(false), b.result(false)]);
    expect(m).toMatchObject({ checked: 4, blockingRecipients: 3 });
    expect(m.problems[0]).toMatchObject({ contactIds: [1, 2, 3], count: 3, example: 'one' });
  });
});

describe('sameText', () => {
  it('equals comparing with whitespace squashed and trimmed', () => {
    const cases = [
      '',
      ' ',
      'a',
      ' a ',
      'a b',
      'a  b',
      'a\n\tb',
      'ab',
      'a\u00a0b',
      'a b ',
      '\na b\n\n',
      'a bc',
      'a b c',
    ];
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const x of cases)
      for (const y of cases)
        expect(sameText(x, y), `${JSON.stringify(x)} ${JSON.stringify(y)}`).toBe(squash(x) === squash(y));
  });
});
