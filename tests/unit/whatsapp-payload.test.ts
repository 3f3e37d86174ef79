import { describe, expect, it } from 'vitest';
import {
  buildTemplatePayload,
  fillText,
  parseTemplate,
  TemplatePayloadError,
  validateParameterValue,
} from '../../src-main/channels/whatsapp/templates';
import type { RemoteTemplate } from '../../src-main/channels/whatsapp/types';
import type { TemplatePlaceholder } from '../../src-main/contract/domain';
import { DOC_POSITIONAL } from '../support/fake-cloud-api/doc-examples';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

const template = (name: string, language = 'en_US'): RemoteTemplate => {
  const t = DEFAULT_TEMPLATES.find((x) => x.name === name && x.language === language);
  if (!t) throw new Error(`fixture ${name}/${language} missing`);
  return t;
};

const body = (name: string, example?: string): TemplatePlaceholder => ({
  key: `body.${name}`,
  component: 'body',
  name,
  ...(example ? { example } : {}),
});

describe('parseTemplate', () => {
  it('reads a positional template with a URL button and examples', () => {
    const p = parseTemplate(template('order_confirmation'));
    expect(p.parameterFormat).toBe('POSITIONAL');
    expect(p.placeholders).toEqual([
      body('1', 'Jessica'),
      body('2', 'SKBUP2-4CPIG9'),
      { key: 'button.0.1', component: 'button', name: '1', buttonIndex: 0, example: 'SB-1001' },
    ]);
    expect(p.body).toBe('Hi {{1}}, your order {{2}} has shipped.');
    expect(p.header).toBeNull();
    expect(p.headerFormat).toBeNull();
    expect(p.footer).toBe('Herald Test Shop');
    expect(p.buttons).toEqual([
      { type: 'URL', text: 'Track order', url: 'https://shop.example.com/orders/{{1}}' },
    ]);
  });

  it('reads a named template with an image header', () => {
    const p = parseTemplate(template('welcome_discount_template'));
    expect(p.parameterFormat).toBe('NAMED');
    expect(p.headerFormat).toBe('IMAGE');
    expect(p.header).toBeNull();
    expect(p.placeholders).toEqual([
      {
        key: 'header.media',
        component: 'header',
        name: 'media',
        media: 'image',
        example: 'https://scontent.example.com/welcome.png',
      },
      body('first_name', 'Pablo'),
      body('discount_code', 'WELCOME25'),
      { key: 'button.0.payload', component: 'button', name: 'payload', buttonIndex: 0, optional: true },
    ]);
    expect(p.buttons).toEqual([{ type: 'QUICK_REPLY', text: 'Stop promotions' }]);
  });

  it("reads the doc's text-header template: header.1, body.1, body.2, button.0.1 and the optional quick-reply payload", () => {
    const p = parseTemplate(template('coupon_expiration_reminder', 'en'));
    expect(p.header).toBe('Act fast, {{1}}!');
    expect(p.headerFormat).toBe('TEXT');
    expect(p.placeholders.map((x) => [x.key, x.example])).toEqual([
      ['header.1', 'Pablo'],
      ['body.1', 'SUMMER20'],
      ['body.2', '10'],
      ['button.0.1', 'SUMMER'],
      ['button.1.payload', undefined],
    ]);
  });

  it('orders positional placeholders by number, dedupes them, and defaults to POSITIONAL', () => {
    const p = parseTemplate({
      id: '1',
      name: 'x',
      language: 'en',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: '{{2}} before {{1}}, then {{2}} again' }],
    });
    expect(p.parameterFormat).toBe('POSITIONAL');
    expect(p.placeholders).toEqual([body('1'), body('2')]);
  });

  it('reads named header examples and copy-code buttons', () => {
    const p = parseTemplate({
      id: '2',
      name: 'y',
      language: 'en',
      status: 'APPROVED',
      category: 'MARKETING',
      parameter_format: 'NAMED',
      components: [
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'Hello {{first_name}}',
          example: { header_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
        },
        { type: 'BODY', text: 'Nothing to fill.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Stop' },
            { type: 'COPY_CODE', text: 'Copy code', example: ['SAVE10'] },
          ],
        },
      ],
    });
    expect(p.placeholders).toEqual([
      { key: 'header.first_name', component: 'header', name: 'first_name', example: 'Ana' },
      { key: 'button.0.payload', component: 'button', name: 'payload', buttonIndex: 0, optional: true },
      {
        key: 'button.1.coupon_code',
        component: 'button',
        name: 'coupon_code',
        buttonIndex: 1,
        example: 'SAVE10',
      },
    ]);
  });
});

describe('buildTemplatePayload', () => {
  it("produces the doc's positional example exactly", () => {
    const payload = buildTemplatePayload({
      to: '+16505551234',
      name: 'order_confirmation',
      language: 'en_US',
      parameterFormat: 'POSITIONAL',
      placeholders: [body('2'), body('1')],
      values: { 'body.1': 'Jessica', 'body.2': 'SKBUP2-4CPIG9' },
    });
    expect(payload).toEqual(DOC_POSITIONAL); // whatsapp-cloud-api.md, "Sending", verbatim
  });

  it("produces the doc's named example with an image header", () => {
    const p = parseTemplate(template('welcome_discount_template'));
    const payload = buildTemplatePayload({
      to: '+16505551234',
      name: 'welcome_discount_template',
      language: 'en_US',
      parameterFormat: p.parameterFormat,
      placeholders: p.placeholders,
      values: { 'body.first_name': 'Jessica', 'body.discount_code': 'WELCOME25' },
      headerMedia: { type: 'image', id: '1339522734477770' },
    });
    expect(payload).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+16505551234',
      type: 'template',
      template: {
        name: 'welcome_discount_template',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { id: '1339522734477770' } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'first_name', text: 'Jessica' },
              { type: 'text', parameter_name: 'discount_code', text: 'WELCOME25' },
            ],
          },
        ],
      },
    });
  });

  it('adds a text header, a URL button with a string index, quick replies and callback data', () => {
    const p = parseTemplate(template('coupon_expiration_reminder', 'en'));
    const payload = buildTemplatePayload({
      to: '+4915112345678',
      name: 'coupon_expiration_reminder',
      language: 'en',
      parameterFormat: p.parameterFormat,
      placeholders: p.placeholders,
      values: { 'header.1': 'Ana', 'body.1': 'SPRING', 'body.2': '3', 'button.0.1': 'SB-1001' },
      quickReplyPayloads: { 1: 'unsubscribe' },
      callbackData: 'outbox:42',
    }) as { template: { components: unknown[] }; biz_opaque_callback_data: string };
    expect(payload.template.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'Ana' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'SPRING' },
          { type: 'text', text: '3' },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'SB-1001' }] },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '1',
        parameters: [{ type: 'payload', payload: 'unsubscribe' }],
      },
    ]);
    expect(payload.biz_opaque_callback_data).toBe('outbox:42');
  });

  it('builds named header parameters, copy-code buttons and document/link media', () => {
    const named = buildTemplatePayload({
      to: '+16505551234',
      name: 'y',
      language: 'en',
      parameterFormat: 'NAMED',
      placeholders: [
        { key: 'header.first_name', component: 'header', name: 'first_name' },
        { key: 'button.1.coupon_code', component: 'button', name: 'coupon_code', buttonIndex: 1 },
      ],
      values: { 'header.first_name': 'Ana', 'button.1.coupon_code': 'SAVE10' },
    }) as { template: { components: unknown[] } };
    expect(named.template.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ana' }] },
      {
        type: 'button',
        sub_type: 'copy_code',
        index: '1',
        parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
      },
    ]);
    const doc = buildTemplatePayload({
      to: '+16505551234',
      name: 'invoice',
      language: 'en',
      parameterFormat: 'POSITIONAL',
      placeholders: [],
      values: {},
      headerMedia: { type: 'document', link: 'https://example.com/a.pdf', filename: 'a.pdf' },
    }) as { template: { components: unknown[] } };
    expect(doc.template.components).toEqual([
      {
        type: 'header',
        parameters: [
          { type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } },
        ],
      },
    ]);
    const none = buildTemplatePayload({
      to: '+16505551234',
      name: 'hello_world',
      language: 'en_US',
      parameterFormat: 'POSITIONAL',
      placeholders: [],
      values: {},
    }) as { template: Record<string, unknown> };
    expect(none.template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
  });

  it('refuses missing values, non-E.164 recipients, long callback data and media without a source', () => {
    const base = {
      to: '+16505551234',
      name: 'order_confirmation',
      language: 'en_US',
      parameterFormat: 'POSITIONAL' as const,
      placeholders: [body('1')],
      values: { 'body.1': 'Jessica' },
    };
    expect(() => buildTemplatePayload({ ...base, values: {} })).toThrow(TemplatePayloadError);
    expect(() => buildTemplatePayload({ ...base, values: {} })).toThrow(/body\.1/);
    expect(() => buildTemplatePayload({ ...base, to: '16505551234' })).toThrow(/E\.164/);
    expect(() => buildTemplatePayload({ ...base, callbackData: 'x'.repeat(513) })).toThrow(/512/);
    expect(() => buildTemplatePayload({ ...base, callbackData: 'x'.repeat(512) })).not.toThrow();
    expect(() => buildTemplatePayload({ ...base, headerMedia: { type: 'image' } })).toThrow(/id or a link/);
  });
});

describe('fillText', () => {
  it('fills positional and named placeholders and keeps unknown ones', () => {
    expect(fillText('Hi {{1}}, your order {{2}} has shipped.', { '1': 'Ana', '2': 'A-1' })).toBe(
      'Hi Ana, your order A-1 has shipped.',
    );
    expect(fillText('Hi {{ first_name }}, use {{discount_code}}.', { first_name: 'Ana' })).toBe(
      'Hi Ana, use {{discount_code}}.',
    );
  });
});

describe('validateParameterValue', () => {
  it.each([
    ['', 'body', /empty/],
    ['   ', 'header', /empty/],
    ['two\nlines', 'body', /line break/],
    ['a\r\nb', 'header', /line break/],
    ['tab\there', 'body', /tab/],
    ['five     spaces', 'body', /more than 4 spaces/],
    ['x'.repeat(61), 'header', /at most 60 characters; this one has 61/],
    ['x'.repeat(1025), 'body', /at most 1024 characters/],
  ] as const)('rejects %j in %s', (value, component, problem) => {
    expect(validateParameterValue(value, component)).toMatch(problem);
  });

  it.each([
    ['Jessica', 'body'],
    ['four    spaces', 'body'],
    ['x'.repeat(60), 'header'],
    ['x'.repeat(1024), 'body'],
    ['😀'.repeat(60), 'header'],
    ['SB-1001', 'button'],
  ] as const)('accepts %j in %s', (value, component) => {
    expect(validateParameterValue(value, component)).toBeNull();
  });
});
