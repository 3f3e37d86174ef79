import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildTemplatePayload,
  parseTemplate,
  quickReplyPayloadsOf,
  TemplatePayloadError,
  validateParameterValue,
} from '../../src-main/channels/whatsapp/templates';
import type { RemoteTemplate } from '../../src-main/channels/whatsapp/types';
import type { Store } from '../../src-main/store/db';
import { contactVariables } from '../../src-main/templates/contact-variables';
import { getTemplate, loadTemplateLibrary } from '../../src-main/templates/wa-library';
import { previewWhatsAppRecipient } from '../../src-main/templates/wa-preview';
import { prepareWhatsApp, renderWhatsApp } from '../../src-main/templates/wa-render';
import { addContact, libraryStore, templateId } from '../support/fake-cloud-api/library-rig';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

const coupon = (): RemoteTemplate => {
  const t = DEFAULT_TEMPLATES.find((x) => x.name === 'coupon_expiration_reminder' && x.language === 'en');
  if (!t) throw new Error('fixture coupon_expiration_reminder/en missing');
  return t;
};

/** The required values of coupon_expiration_reminder (text header, body, URL button 0). */
const REQUIRED = { 'header.1': 'Ana', 'body.1': 'SPRING', 'body.2': '3', 'button.0.1': 'SB-1001' };

function buttons(values: Record<string, string>, quickReplyPayloads?: Record<number, string>): unknown[] {
  const p = parseTemplate(coupon());
  const payload = buildTemplatePayload({
    to: '+4915112345678',
    name: 'coupon_expiration_reminder',
    language: 'en',
    parameterFormat: p.parameterFormat,
    placeholders: p.placeholders,
    values,
    ...(quickReplyPayloads ? { quickReplyPayloads } : {}),
  }) as { template: { components: { type: string }[] } };
  return payload.template.components.filter((c) => c.type === 'button');
}

const URL_BUTTON = {
  type: 'button',
  sub_type: 'url',
  index: '0',
  parameters: [{ type: 'text', text: 'SB-1001' }],
};
const quickReply = (payload: string) => ({
  type: 'button',
  sub_type: 'quick_reply',
  index: '1',
  parameters: [{ type: 'payload', payload }],
});

describe('quick-reply payload placeholders', () => {
  it('parses each QUICK_REPLY button as an optional button.<i>.payload placeholder at its index', () => {
    const p = parseTemplate(coupon());
    expect(p.placeholders.at(-1)).toEqual({
      key: 'button.1.payload',
      component: 'button',
      name: 'payload',
      buttonIndex: 1,
      optional: true,
    });
    expect(p.placeholders.filter((x) => x.optional).map((x) => x.key)).toEqual(['button.1.payload']);
    const welcome = DEFAULT_TEMPLATES.find((x) => x.name === 'welcome_discount_template')!;
    expect(
      parseTemplate(welcome)
        .placeholders.filter((x) => x.optional)
        .map((x) => x.key),
    ).toEqual(['button.0.payload']);
  });

  it('sends a mapped payload as a quick_reply component at the button index', () => {
    expect(buttons({ ...REQUIRED, 'button.1.payload': 'unsub:42' })).toEqual([
      URL_BUTTON,
      quickReply('unsub:42'),
    ]);
  });

  it('sends no quick_reply component when the payload is unmapped or blank, and does not throw', () => {
    expect(buttons(REQUIRED)).toEqual([URL_BUTTON]);
    expect(buttons({ ...REQUIRED, 'button.1.payload': '  ' })).toEqual([URL_BUTTON]);
  });

  it('still requires the other values, and lets explicit quickReplyPayloads win', () => {
    const { 'button.0.1': _url, ...noUrl } = REQUIRED;
    expect(() => buttons(noUrl)).toThrow(TemplatePayloadError);
    expect(buttons({ ...REQUIRED, 'button.1.payload': 'from-values' }, { 1: 'explicit' })).toEqual([
      URL_BUTTON,
      quickReply('explicit'),
    ]);
  });

  it('collects payloads from values by button index', () => {
    const p = parseTemplate(coupon()).placeholders;
    expect(quickReplyPayloadsOf(p, { ...REQUIRED, 'button.1.payload': 'x' })).toEqual({ 1: 'x' });
    expect(quickReplyPayloadsOf(p, { ...REQUIRED, 'button.1.payload': '' })).toEqual({});
  });

  it('enforces no invented limit on a payload (Meta documents none), only that it is not empty', () => {
    expect(validateParameterValue('x'.repeat(5000), 'button', 'payload')).toBeNull();
    expect(validateParameterValue('two words', 'button', 'payload')).toBeNull();
    expect(validateParameterValue('', 'button', 'payload')).toMatch(/empty/);
  });
});

describe('rendering a quick-reply payload per recipient', () => {
  let rig: ReturnType<typeof libraryStore>;
  let store: Store;
  beforeEach(() => {
    rig = libraryStore();
    store = rig.store;
  });
  afterEach(() => rig.close());

  const MAPPED = {
    'header.1': '{{ first_name }}',
    'body.1': 'SPRING',
    'body.2': '3',
    'button.0.1': 'SB-1',
  };

  function prepare(parameters: Record<string, string>) {
    const id = templateId(store, 'coupon_expiration_reminder', 'en');
    const t = getTemplate(store, id);
    return {
      id,
      prepared: prepareWhatsApp({ templateId: id, parameters }, t, loadTemplateLibrary(store.sqlite, t!)),
    };
  }
  const vars = (attributes: Record<string, string>) =>
    contactVariables({ firstName: 'Ann', lastName: null, email: null, phone: '+447700900001', attributes });

  it('shows the optional placeholder on a template synced before (placeholders are parsed on read)', () => {
    const t = getTemplate(store, templateId(store, 'coupon_expiration_reminder', 'en'));
    expect(t?.placeholders.find((p) => p.key === 'button.1.payload')?.optional).toBe(true);
  });

  it('prepares and renders without a mapping: no value, no problem', () => {
    const { prepared } = prepare(MAPPED);
    const r = renderWhatsApp(prepared, vars({}));
    expect(r.problems).toEqual([]);
    expect(r.values).not.toHaveProperty('button.1.payload');
    expect(r.values['header.1']).toBe('Ann');
  });

  it('renders a literal, a column and Liquid with a default per recipient; a blank one is left out', () => {
    const literal = renderWhatsApp(
      prepare({ ...MAPPED, 'button.1.payload': 'unsubscribe' }).prepared,
      vars({}),
    );
    expect(literal.values['button.1.payload']).toBe('unsubscribe');

    const column = prepare({ ...MAPPED, 'button.1.payload': '{{ crm_id }}' }).prepared;
    const a = renderWhatsApp(column, vars({ crm_id: 'CRM-7' }));
    expect(a.values['button.1.payload']).toBe('CRM-7');
    const blank = renderWhatsApp(column, vars({ crm_id: '' }));
    expect(blank.problems).toEqual([]);
    expect(blank.values).not.toHaveProperty('button.1.payload');

    const fallback = prepare({ ...MAPPED, 'button.1.payload': '{{ crm_id | default: "none" }}' }).prepared;
    expect(renderWhatsApp(fallback, vars({})).values['button.1.payload']).toBe('none');
  });

  it('still blocks an unmapped required placeholder', () => {
    const { 'button.0.1': _url, ...noUrl } = MAPPED;
    expect(() => prepare(noUrl)).toThrow(/Map the template placeholder \{\{1\}\} \(button\)/);
  });

  it('previews a recipient with an unmapped or empty payload without problems', () => {
    addContact(store, { firstName: 'Ann', phone: '+447700900001', attributes: { crm_id: '' } });
    const id = templateId(store, 'coupon_expiration_reminder', 'en');
    for (const parameters of [MAPPED, { ...MAPPED, 'button.1.payload': '{{ crm_id }}' }]) {
      const p = previewWhatsAppRecipient(store, { templateId: id, parameters }, {}, 0);
      expect(p.recipient?.problems).toEqual([]);
      expect(p.recipient?.buttons).toEqual(['See deals', 'Unsubscribe']);
    }
  });
});
