import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSendableAddress } from '../../src-main/channels/email/address';
import { SMTP_PRESETS } from '../../src-main/channels/email/presets';
import {
  AppError,
  type EmailContent,
  EmailContent as EmailContentSchema,
  SmtpProvider,
  SmtpSettingsInput,
} from '../../src-main/contract';
import {
  UNSUBSCRIBE_PLACEHOLDER,
  bindUnsubscribe,
  checkEmailTemplate,
  compileUnsubscribeUrl,
  contactVariables,
  unsubscribeUrlFor,
} from '../../src-main/templates';
import { prepareEmail, renderEmail } from '../../src-main/templates/email-render';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'herald-render-'));
  writeFileSync(join(folder, 'a.pdf'), 'a');
  writeFileSync(join(folder, 'big.bin'), Buffer.alloc(19 * 1024 * 1024));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const content = (over: Partial<EmailContent> = {}): EmailContent => ({
  subject: 'Hi {{ first_name | default: "there" }}',
  html: '<p>{{ note }}</p>',
  attachments: [],
  attachmentFolder: '',
  attachmentColumn: '',
  ...over,
});
const vars = (attributes: Record<string, string> = {}) =>
  contactVariables({ firstName: '', lastName: null, email: 'a@example.com', phone: null, attributes });

describe('prepareEmail / renderEmail', () => {
  it('reports a Liquid syntax error with its field, line and column, and refuses to prepare', () => {
    const e = (() => {
      try {
        prepareEmail(content({ html: '<p>Hi</p>\n<p>{{ first_name | upcaes }}</p>' }));
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe('email.html: Line 2, column 4: unknown filter "upcaes"');
    expect(checkEmailTemplate('Hi {{ x', '<p>{{ a }}{% if %}</p>').problems).toEqual([
      { field: 'subject', line: 1, column: 4, message: expect.stringMatching(/^Line 1, column 4: /) },
      { field: 'html', line: 1, column: 16, message: expect.stringMatching(/^Line 1, column 16: /) },
    ]);
  });

  it('escapes values in the body, applies defaults, and leaves the unsubscribe placeholder for the sender', () => {
    const r = renderEmail(
      prepareEmail(content({ html: '<a href="{{ unsubscribe_url }}">x</a>{{ note }}' })),
      vars({ note: '<script>&' }),
    );
    expect(r).toEqual({
      subject: 'Hi there',
      html: `<a href="${UNSUBSCRIBE_PLACEHOLDER}">x</a>&lt;script&gt;&amp;`,
      text: `x [${UNSUBSCRIBE_PLACEHOLDER}]<script>&`,
      problems: [],
      issues: [],
      attachments: [],
    });
    expect(bindUnsubscribe(r.html, 'https://x.example/u?a=1&b="2"')).toContain(
      'href="https://x.example/u?a=1&amp;b=&quot;2&quot;"',
    );
  });

  it('refuses to prepare a campaign whose shared attachment is missing', () => {
    expect(() => prepareEmail(content({ attachments: [join(folder, 'gone.pdf')] }))).toThrow(
      /gone\.pdf was not found/,
    );
    expect(() => prepareEmail(content({ attachments: ['relative.pdf'] }))).toThrow(/full path/);
  });

  it('reports per recipient a missing, empty, outside-the-folder or oversize file named in the column', () => {
    const prepared = prepareEmail(
      content({ attachments: [join(folder, 'a.pdf')], attachmentFolder: folder, attachmentColumn: 'file' }),
    );
    const ok = renderEmail(prepared, vars({ file: 'a.pdf' }));
    expect(ok.problems).toEqual([]);
    expect(ok.attachments.map((a) => a.filename)).toEqual(['a.pdf', 'a.pdf']);
    expect(renderEmail(prepared, vars({ file: 'missing.pdf' })).problems).toEqual([
      `The attachment missing.pdf (column file) was not found in ${folder}.`,
    ]);
    expect(renderEmail(prepared, vars({})).problems).toEqual([
      'No attachment: the column file is empty for this contact.',
    ]);
    expect(renderEmail(prepared, vars({ file: '../etc/passwd' })).problems[0]).toMatch(
      /must be a file name, not a path/,
    );
    expect(renderEmail(prepared, vars({ file: 'big.bin' })).problems[0]).toMatch(
      /^The attachments weigh 19\.0 MB/,
    );
  });

  it('measures the subject in characters and the body in UTF-8 bytes, listing variables', () => {
    const r = checkEmailTemplate('Grüße {{ first_name }}', '<p>€ {{ city | default: "x" }}</p>');
    expect(r).toMatchObject({
      subjectChars: 22,
      htmlBytes: 36,
      variables: ['city', 'first_name'],
      problems: [],
    });
  });
});

describe('the text/plain part', () => {
  it('is rendered from the template converted once, with values unescaped and headings in their case', () => {
    const p = prepareEmail(
      content({ html: '<h1>Hi {{ first_name }}</h1><p>{% if note %}{{ note }}{% endif %}</p>' }),
    );
    expect(p.text?.source).toBe('Hi {{ first_name }}\n\n{% if note %}{{ note }}{% endif %}');
    const r = renderEmail(
      p,
      contactVariables({
        firstName: 'Zoë',
        lastName: null,
        email: null,
        phone: null,
        attributes: { note: 'a < b & c' },
      }),
    );
    expect(r.text).toBe('Hi Zoë\n\na < b & c');
  });

  it('falls back to converting each recipient when the conversion would change the template', () => {
    // A tag inside an attribute vanishes from the text: the text template would not be the same.
    expect(
      prepareEmail(content({ html: '<img alt="{% if a %}x{% endif %}"><p>{{ b }}</p>' })).text,
    ).toBeNull();
  });
});

describe('unsubscribe addresses', () => {
  it('URL-encodes contact values into the configured page, else falls back to mailto', () => {
    const page = compileUnsubscribeUrl('https://example.org/u?e={{ email }}');
    expect(unsubscribeUrlFor(page, 'x@example.com', { email: 'a+b@example.com' })).toBe(
      'https://example.org/u?e=a%2Bb%40example.com',
    );
    expect(unsubscribeUrlFor(null, 'x@example.com', {})).toBe('mailto:x@example.com?subject=unsubscribe');
    expect(() => compileUnsubscribeUrl('https://example.org/{{ email')).toThrow(
      /unsubscribe address in Settings/,
    );
  });
});

describe('SMTP settings and presets', () => {
  const base = {
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    user: '',
    fromName: '',
    fromAddress: '',
  } as const;

  it('accepts only https unsubscribe pages and modern sign-in only for providers that offer it', () => {
    expect(
      SmtpSettingsInput.safeParse({ ...base, unsubscribeUrl: 'https://example.org/u?e={{ email }}' }).success,
    ).toBe(true);
    expect(SmtpSettingsInput.safeParse({ ...base, unsubscribeUrl: 'http://example.org/u' }).success).toBe(
      false,
    );
    expect(SmtpSettingsInput.safeParse({ ...base, provider: 'yahoo', authMethod: 'oauth' }).success).toBe(
      false,
    );
    expect(
      SmtpSettingsInput.safeParse({ ...base, provider: 'microsoft365', authMethod: 'oauth' }).success,
    ).toBe(true);
    expect(EmailContentSchema.safeParse({ subject: 's', html: 'h', attachmentColumn: 'file' }).success).toBe(
      false,
    );
  });

  it('has one preset per provider, with a host, port and pace for every named provider', () => {
    expect(SMTP_PRESETS.map((p) => p.id).sort()).toEqual([...SmtpProvider.options].sort());
    for (const p of SMTP_PRESETS.filter((x) => x.id !== 'custom')) {
      expect(p.host).toMatch(/^smtp/);
      expect([465, 587]).toContain(p.port);
      expect(p.security).toBe(p.port === 465 ? 'tls' : 'starttls');
      expect(p.note.length).toBeGreaterThan(20);
    }
    expect(SMTP_PRESETS.find((p) => p.id === 'microsoft365')).toMatchObject({
      dailyCap: 10_000,
      oauth: 'microsoft',
    });
  });
});

describe('isSendableAddress', () => {
  it('accepts plain mailboxes, IDN domains included, and refuses anything that could add recipients', () => {
    for (const ok of ['a@example.com', "o'neil+x@sub.example.co.uk", 'info@bäckerei.de'])
      expect(isSendableAddress(ok)).toBe(true);
    for (const bad of [
      'a@b',
      'a@@example.com',
      'a b@example.com',
      'a@example.com>',
      'a@example.com,b@example.com',
      '.a@example.com',
      'ü@example.com',
      'a@1.2.3.4',
      `${'x'.repeat(65)}@example.com`,
    ])
      expect(isSendableAddress(bad)).toBe(false);
  });
});
