import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { contactVariables } from '../../src-main/templates/contact-variables';
import { pickTranslation } from '../../src-main/templates/wa-language';
import { getTemplate, loadTemplateLibrary, listTemplates } from '../../src-main/templates/wa-library';
import { listMedia, saveMedia } from '../../src-main/templates/wa-media';
import { previewWhatsAppRecipient } from '../../src-main/templates/wa-preview';
import { prepareWhatsApp, renderWhatsApp } from '../../src-main/templates/wa-render';
import type { Store } from '../../src-main/store/db';
import { PNG, addContact, libraryStore, templateId } from '../support/fake-cloud-api/library-rig';

let rig: ReturnType<typeof libraryStore>;
let store: Store;
beforeEach(() => {
  rig = libraryStore();
  store = rig.store;
});
afterEach(() => rig.close());

const vars = (firstName: string, phone: string, attributes: Record<string, string> = {}) =>
  contactVariables({ firstName, lastName: null, email: null, phone, attributes });

function welcome(parameters: Record<string, string>, languageFromContact = false) {
  const id = templateId(store, 'welcome_discount_template', 'en_US');
  return prepareWhatsApp(
    {
      templateId: id,
      parameters: {
        'body.first_name': '{{ first_name | default: "there" }}',
        'body.discount_code': '{{ code }}',
        ...parameters,
      },
      languageFromContact,
    },
    getTemplate(store, id),
    loadTemplateLibrary(store.sqlite, getTemplate(store, id)!),
  );
}

describe('media library', () => {
  it('stores a PNG once by content, and refuses files WhatsApp would refuse', () => {
    const a = saveMedia(store, 'welcome.png', 'image/png', PNG);
    expect(saveMedia(store, 'again.png', 'image/png', PNG).id).toBe(a.id);
    expect(a).toMatchObject({ kind: 'image', mimeType: 'image/png', bytes: PNG.length });
    expect(listMedia(store)).toHaveLength(1);
    expect(() => saveMedia(store, 'x.png', 'image/jpeg', PNG)).toThrow(/content is image\/png/);
    expect(() => saveMedia(store, 'x.gif', 'image/gif', Buffer.from('GIF89a'))).toThrow(AppError);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect(() => saveMedia(store, 'big.png', 'image/png', big)).toThrow(/up to 5\.0 MB/);
  });
});

describe('renderWhatsApp', () => {
  it('renders a NAMED template with a library image header', () => {
    const file = saveMedia(store, 'welcome.png', 'image/png', PNG);
    const prepared = welcome({ 'header.media': `media:${file.id}` });
    const r = renderWhatsApp(prepared, vars('Ann', '+447700900001', { code: 'WELCOME25' }));
    expect(r.problems).toEqual([]);
    expect(r.values).toMatchObject({ 'body.first_name': 'Ann', 'body.discount_code': 'WELCOME25' });
    expect(r.headerMedia).toMatchObject({
      type: 'image',
      source: 'file',
      mediaId: file.id,
      mimeType: 'image/png',
    });
  });

  it('takes a per-contact link from a column, and reports a value that is no link as a problem', () => {
    const prepared = welcome({ 'header.media': '{{ image }}' });
    const ok = renderWhatsApp(
      prepared,
      vars('Ann', '+447700900001', { code: 'A1', image: 'https://cdn.example.com/a.jpg' }),
    );
    expect(ok.headerMedia).toMatchObject({
      source: 'link',
      url: 'https://cdn.example.com/a.jpg',
      fileName: 'a.jpg',
    });
    const bad = renderWhatsApp(prepared, vars('Bo', '+447700900002', { code: 'B1', image: 'not a link' }));
    expect(bad.problems.join()).toMatch(/neither a link/);
    const gone = renderWhatsApp(
      welcome({ 'header.media': 'media:999' }),
      vars('Cy', '+447700900003', { code: 'C' }),
    );
    expect(gone.problems.join()).toMatch(/not in the media library/);
  });

  it('reports values Meta would reject as problems of that recipient', () => {
    const prepared = welcome({ 'header.media': 'https://cdn.example.com/a.jpg' });
    const r = renderWhatsApp(prepared, vars('Ann', '+447700900001', { code: 'line\nbreak' }));
    expect(r.problems).toEqual([expect.stringMatching(/discount_code.*line break/)]);
    const empty = renderWhatsApp(prepared, vars('Ann', '+447700900001'));
    expect(empty.problems.join()).toMatch(/empty/);
  });

  it('refuses a template whose media header is not mapped', () => {
    expect(() => welcome({})).toThrow(/header image to a file, a link or a column/);
  });

  it('picks the translation in the contact’s language, with the chosen one as fallback', () => {
    const prepared = welcome({ 'header.media': 'https://cdn.example.com/a.jpg' }, true);
    addContact(store, { firstName: 'Dieter', phone: '+4915112345678', language: 'de-DE' });
    const de = renderWhatsApp(prepared, vars('Dieter', '+4915112345678', { code: 'X1' }));
    expect([de.template.language, de.problems]).toEqual(['de', []]);
    const fr = renderWhatsApp(prepared, vars('Zoé', '+33612345678', { code: 'X2' }), { language: 'fr' });
    expect(fr.template.language).toBe('en_US');
    const off = renderWhatsApp(
      welcome({ 'header.media': 'https://x.example/a.jpg' }),
      vars('D', '+4915112345678', { code: 'X' }),
    );
    expect(off.template.language).toBe('en_US');
  });

  it('matches languages by tag, base language and name', () => {
    const all = listTemplates(store).filter((t) => t.name === 'order_confirmation');
    const en = all.find((t) => t.language === 'en_US')!;
    const pick = (l: string | null) => pickTranslation(all, l, en).language;
    expect([pick('de'), pick('de_AT'), pick('German'), pick('EN'), pick('fr'), pick(null)]).toEqual([
      'de',
      'de',
      'de',
      'en_US',
      'en_US',
      'en_US',
    ]);
  });
});

describe('previewWhatsAppRecipient', () => {
  it('shows any recipient with values, language, media and problems', () => {
    const file = saveMedia(store, 'welcome.png', 'image/png', PNG);
    addContact(store, { firstName: 'Ann', phone: '+447700900001', attributes: { code: 'ANN10' } });
    addContact(store, {
      firstName: 'Dieter',
      phone: '+4915112345678',
      language: 'de',
      attributes: { code: 'DE10' },
    });
    const content = {
      templateId: templateId(store, 'welcome_discount_template', 'en_US'),
      parameters: {
        'header.media': `media:${file.id}`,
        'body.first_name': '{{ first_name }}',
        'body.discount_code': '{{ code }}',
      },
      languageFromContact: true,
    };
    const first = previewWhatsAppRecipient(store, content, {}, 0);
    expect(first.total).toBe(2);
    expect(first.recipient).toMatchObject({
      name: 'Ann',
      to: '+447700900001',
      language: 'en_US',
      body: 'Hi Ann, use ANN10 for 25% off.',
      headerMedia: { type: 'image', source: 'file', fileName: 'welcome.png' },
      buttons: ['Stop promotions'],
      problems: [],
    });
    expect(previewWhatsAppRecipient(store, content, {}, 1).recipient).toMatchObject({
      language: 'de',
      body: 'Hallo Dieter, mit DE10 sparst du 25 %.',
    });
    expect(previewWhatsAppRecipient(store, content, {}, 2).recipient).toBeNull();
  });
});
