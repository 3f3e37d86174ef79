import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Components,
  components,
  DOC_NAMED,
  DOC_POSITIONAL,
  expectGraphError,
  type RawHarness,
  startRawHarness,
  variant,
} from '../support/fake-cloud-api/doc-examples';

/*
 * Documented-invalid send requests are rejected by the fake with the documented code, HTTP status
 * and error shape, and nothing is recorded as received: the fake cannot drift into accepting what
 * Meta rejects (whatsapp-cloud-api.md).
 */

let h: RawHarness;
beforeAll(async () => {
  h = await startRawHarness();
});
afterAll(() => h.api.close());

type Payload = typeof DOC_POSITIONAL;

describe('documented-invalid requests are rejected', () => {
  const cases: [string, () => unknown, number, RegExp?][] = [
    ['malformed JSON', () => '{"messaging_product":', 100],
    [
      'no messaging_product',
      () => variant(DOC_POSITIONAL, (p) => delete (p as Partial<Payload>).messaging_product),
      100,
    ],
    ['messaging_product other than whatsapp', () => ({ ...DOC_POSITIONAL, messaging_product: 'sms' }), 100],
    ['no to', () => variant(DOC_POSITIONAL, (p) => delete (p as Partial<Payload>).to), 100],
    ['to with letters', () => ({ ...DOC_POSITIONAL, to: '+1 650 CALL-ME' }), 100],
    ['no type', () => variant(DOC_POSITIONAL, (p) => delete (p as Partial<Payload>).type), 100],
    ['an unknown type', () => ({ ...DOC_POSITIONAL, type: 'fax' }), 100],
    [
      'callback data over 512 characters',
      () => ({ ...DOC_POSITIONAL, biz_opaque_callback_data: 'x'.repeat(513) }),
      100,
    ],
    [
      'an unknown template',
      () => variant(DOC_POSITIONAL, (p) => (p.template.name = 'nope')),
      132001,
      /template name \(nope\) does not exist in en_US/,
    ],
    [
      'a language the template lacks',
      () => variant(DOC_POSITIONAL, (p) => (p.template.language.code = 'de')),
      132001,
    ],
    ['a PENDING template', () => variant(DOC_POSITIONAL, (p) => (p.template.name = 'spring_sale')), 132001],
    ['a REJECTED template', () => variant(DOC_POSITIONAL, (p) => (p.template.name = 'old_promo')), 132001],
    [
      'a PAUSED template',
      () => variant(DOC_POSITIONAL, (p) => ((p.template.name = 'tired_promo'), (p.template.components = []))),
      132015,
    ],
    [
      'a DISABLED template',
      () => variant(DOC_POSITIONAL, (p) => ((p.template.name = 'dead_promo'), (p.template.components = []))),
      132016,
    ],
    [
      'one body parameter too few',
      () =>
        variant(
          DOC_POSITIONAL,
          (p) => components(p)[0]?.parameters && (components(p)[0]!.parameters as unknown[]).pop(),
        ),
      132000,
      /body: number of localizable_params \(1\) does not match the expected number of params \(2\)/,
    ],
    [
      'one body parameter too many',
      () =>
        variant(DOC_POSITIONAL, (p) =>
          (components(p)[0]!.parameters as unknown[]).push({ type: 'text', text: 'x' }),
        ),
      132000,
    ],
    ['no body component', () => variant(DOC_POSITIONAL, (p) => (p.template.components = [])), 132000],
    [
      'an empty text parameter',
      () =>
        variant(DOC_POSITIONAL, (p) => ((components(p)[0]!.parameters as { text: string }[])[0]!.text = '')),
      131008,
    ],
    [
      'a line break in a parameter',
      () =>
        variant(
          DOC_POSITIONAL,
          (p) => ((components(p)[0]!.parameters as { text: string }[])[0]!.text = 'Jes\nsica'),
        ),
      132018,
      /new-line\/tab characters or more than 4 consecutive spaces/,
    ],
    [
      'five spaces in a parameter',
      () =>
        variant(
          DOC_POSITIONAL,
          (p) => ((components(p)[0]!.parameters as { text: string }[])[0]!.text = 'Jes     sica'),
        ),
      132018,
    ],
    [
      'an unknown component type',
      () => variant(DOC_POSITIONAL, (p) => components(p).push({ type: 'footer', parameters: [] })),
      100,
    ],
    [
      'NAMED without parameter_name',
      () =>
        variant(
          DOC_NAMED,
          (p) => delete (components(p)[1]!.parameters as { parameter_name?: string }[])[0]!.parameter_name,
        ),
      100,
      /Parameter name is missing or empty/,
    ],
    [
      'NAMED with an unknown parameter_name',
      () =>
        variant(
          DOC_NAMED,
          (p) =>
            ((components(p)[1]!.parameters as { parameter_name: string }[])[0]!.parameter_name = 'last_name'),
        ),
      132000,
    ],
    [
      'NAMED with a parameter_name twice',
      () =>
        variant(
          DOC_NAMED,
          (p) =>
            ((components(p)[1]!.parameters as { parameter_name: string }[])[1]!.parameter_name =
              'first_name'),
        ),
      132000,
    ],
    [
      'no image for an IMAGE header',
      () => variant(DOC_NAMED, (p) => components(p).shift()),
      132012,
      /expected IMAGE, received UNKNOWN/,
    ],
    [
      'a video for an IMAGE header',
      () =>
        variant(
          DOC_NAMED,
          (p) => (components(p)[0] = { type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] }),
        ),
      132012,
    ],
    [
      'an image without id or link',
      () =>
        variant(
          DOC_NAMED,
          (p) => (components(p)[0] = { type: 'header', parameters: [{ type: 'image', image: {} }] }),
        ),
      131008,
    ],
  ];

  it.each(cases)('%s → %i', async (_name, make, code, details) => {
    const before = h.api.received.length;
    const e = expectGraphError(await h.send(make()), code);
    if (details) expect((e.error_data as { details: string }).details).toMatch(details);
    expect(h.api.received.length).toBe(before);
    expect(h.api.rejected.at(-1)?.code).toBe(code);
  });

  const coupon = (edit: (c: Components) => unknown) => {
    const c: Components = [
      { type: 'header', parameters: [{ type: 'text', text: 'Pablo' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'SUMMER20' },
          { type: 'text', text: '10' },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'SB-1001' }] },
    ];
    edit(c);
    return {
      ...DOC_POSITIONAL,
      template: { name: 'coupon_expiration_reminder', language: { code: 'en' }, components: c },
    };
  };

  const buttonCases: [string, (c: Components) => unknown, number, RegExp?][] = [
    [
      'the URL button parameter missing',
      (c) => c.pop(),
      131008,
      /Button at index 0 of type Url requires a parameter/,
    ],
    ['a button index the template lacks', (c) => (c[2]!.index = '5'), 131009],
    ['a URL button sent as quick_reply', (c) => (c[2]!.sub_type = 'quick_reply'), 131009],
    ['an unknown sub_type', (c) => (c[2]!.sub_type = 'flow_x'), 100],
    [
      'a header text over 60 characters',
      (c) => (c[0]!.parameters = [{ type: 'text', text: 'x'.repeat(61) }]),
      132005,
    ],
    ['a missing header parameter', (c) => c.shift(), 132000, /header: number of localizable_params \(0\)/],
  ];

  it.each(buttonCases)('%s → %i', async (_name, edit, code, details) => {
    const e = expectGraphError(await h.send(coupon(edit)), code);
    if (details) expect((e.error_data as { details: string }).details).toMatch(details);
  });

  it('free-form text outside the 24 h window: 131047', async () => {
    expectGraphError(
      await h.send({ messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hi' } }),
      131047,
    );
  });
});
