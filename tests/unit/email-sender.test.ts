import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openEmailSender } from '../../src-main/channels/email/sender';
import { AUTH_MESSAGE } from '../../src-main/channels/email';
import type { EmailContent } from '../../src-main/contract';
import type { OpenedChannel } from '../../src-main/sending/types';
import type { RenderContact } from '../../src-main/sending/render';
import { SMTP_DEFAULTS, type SmtpConfig } from '../../src-main/settings/smtp';
import { contactVariables } from '../../src-main/templates';
import { prepareEmail, renderEmail } from '../../src-main/templates/email-render';
import { makeSelfSignedCert } from '../support/smtp-sink-tls';
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from '../support/smtp-sink';

let folder: string;
const opened: { sinks: SmtpSink[]; senders: OpenedChannel[] } = { sinks: [], senders: [] };

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'herald-attach-'));
  writeFileSync(join(folder, 'terms.pdf'), '%PDF-1.4 terms');
  writeFileSync(join(folder, 'invoice-1.txt'), 'Invoice for Zoë: 12 €');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(async () => {
  for (const s of opened.senders.splice(0)) s.close();
  await Promise.all(opened.sinks.splice(0).map((s) => s.close()));
});

async function sink(opts?: SmtpSinkOptions): Promise<SmtpSink> {
  const s = await startSmtpSink(opts);
  opened.sinks.push(s);
  return s;
}

function config(s: { port: number }, over: Partial<SmtpConfig> = {}): SmtpConfig {
  return {
    ...SMTP_DEFAULTS,
    host: '127.0.0.1',
    port: s.port,
    security: 'none',
    fromName: 'Bäckerei Müller',
    fromAddress: 'news@example.com',
    password: null,
    oauth: null,
    ...over,
  };
}

function sender(...args: Parameters<typeof openEmailSender>): OpenedChannel {
  const o = openEmailSender(...args);
  opened.senders.push(o);
  return o;
}

function contact(id: number, email: string, attributes: Record<string, string> = {}): RenderContact {
  return { id, firstName: 'Zoë', lastName: 'Ünal', email, phone: null, attributes };
}

const BASE: EmailContent = {
  subject: 'Grüße, {{ first_name }}',
  html: '<p>Hello {{ first_name }} &amp; {{ note }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
  attachments: [],
  attachmentFolder: '',
  attachmentColumn: '',
};

function message(content: EmailContent, c: RenderContact) {
  return { email: renderEmail(prepareEmail(content), contactVariables(c)), whatsapp: null };
}

function row(id: number, c: RenderContact, address = c.email ?? '') {
  return { id, channel: 'email' as const, address, attempts: 1, contact: c };
}

describe('the email sender against a real SMTP server', () => {
  it('sends multipart/alternative with attachments, Reply-To, Message-ID and per-recipient unsubscribe', async () => {
    const s = await sink();
    const send = sender(
      config(s, {
        replyTo: 'office@example.com',
        unsubscribeUrl: 'https://example.org/unsubscribe?e={{ email }}&n={{ first_name }}',
      }),
    ).send;
    const content: EmailContent = {
      ...BASE,
      attachments: [join(folder, 'terms.pdf')],
      attachmentFolder: folder,
      attachmentColumn: 'invoice',
    };
    const zoe = contact(7, 'zoe+news@example.com', { invoice: 'invoice-1.txt', note: '<b>VIP</b>' });
    const out = await send(row(42, zoe), message(content, zoe));
    expect(out).toMatchObject({ ok: true });
    await s.waitFor(1);
    const m = s.messages[0]!;
    expect(m.subject).toBe('Grüße, Zoë');
    expect(m.to).toMatch(/^"?Zoë Ünal"? <zoe\+news@example\.com>$/);
    expect(m.from).toMatch(/^"?Bäckerei Müller"? <news@example\.com>$/);
    expect(m.messageId).toMatch(/^<herald-42\.[0-9a-f]{16}@example\.com>$/);
    expect(m.raw).toMatch(/^Reply-To: office@example\.com\r$/m);
    // multipart/mixed → multipart/alternative (text, html) + two attachments.
    expect(m.raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(m.raw).toMatch(/Content-Type: multipart\/alternative;/);
    expect(m.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(m.raw).toMatch(/Content-Disposition: attachment; filename=terms\.pdf/);
    expect(m.raw).toMatch(/Content-Disposition: attachment; filename=invoice-1\.txt/);
    const url = 'https://example.org/unsubscribe?e=zoe%2Bnews%40example.com&n=Zo%C3%AB';
    expect(m.html).toContain(`href="${url.replace('&', '&amp;')}"`);
    expect(m.html).toContain('&lt;b&gt;VIP&lt;/b&gt;');
    expect(m.text).toContain('Hello Zoë & <b>VIP</b>');
    expect(m.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const unfolded = m.raw.replace(/\r\n[ \t]+/g, ' '); // RFC 5322 §2.2.3
    expect(unfolded).toContain(`List-Unsubscribe: <mailto:news@example.com?subject=unsubscribe>, <${url}>`);
  });

  it('binds {{ unsubscribe_url }} to a mailto link when no page is configured', async () => {
    const s = await sink();
    const send = sender(config(s, { unsubscribeMailto: 'optout@example.com' })).send;
    const c = contact(1, 'a@example.com');
    expect((await send(row(1, c), message(BASE, c))).ok).toBe(true);
    await s.waitFor(1);
    expect(s.messages[0]!.html).toContain('href="mailto:optout@example.com?subject=unsubscribe"');
    expect(s.messages[0]!.raw).not.toMatch(/^List-Unsubscribe-Post:/im);
  });

  it('never sends to an address that is not a plain mailbox', async () => {
    const s = await sink();
    const send = sender(config(s)).send;
    for (const bad of [
      'a@b@example.com',
      'x@example.com, y@example.com',
      'no-at-sign',
      'me@localhost',
      '"q"@example.com',
    ]) {
      const c = contact(1, bad);
      const out = await send(row(1, c), message(BASE, c));
      expect(out).toMatchObject({ ok: false, action: 'FAIL', code: 'invalid_address' });
    }
    expect(s.messages).toHaveLength(0);
  });

  it('retries a 421 and then succeeds', async () => {
    const s = await sink({ mailFromReplies: [421] });
    const send = sender(config(s)).send;
    const c = contact(1, 'a@example.com');
    const first = await send(row(1, c), message(BASE, c));
    expect(first).toMatchObject({ ok: false, action: 'RETRY', code: '421 4.3.2' });
    const second = await send(row(1, c), message(BASE, c));
    expect(second.ok).toBe(true);
    await s.waitFor(1);
    expect(s.messages).toHaveLength(1);
  });

  it('fails only the recipient refused with 550 in a batch', async () => {
    const s = await sink({ rejectRecipients: { 'gone@example.com': 550 } });
    const send = sender(config(s, { poolSize: 2 })).send;
    const people = ['a@example.com', 'gone@example.com', 'b@example.com'].map((e, i) => contact(i + 1, e));
    const outs = await Promise.all(people.map((c) => send(row(c.id, c), message(BASE, c))));
    expect(outs.map((o) => (o.ok ? 'ok' : o.action))).toEqual(['ok', 'FAIL', 'ok']);
    await s.waitFor(2);
    expect(s.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(['a@example.com', 'b@example.com']);
  });

  it('retries a message whose connection dropped mid-batch; every other message arrives once', async () => {
    const s = await sink({ dropOnMessage: 3 });
    const send = sender(config(s, { poolSize: 2 })).send;
    const people = Array.from({ length: 6 }, (_, i) => contact(i + 1, `p${i + 1}@example.com`));
    const outs = await Promise.all(people.map((c) => send(row(c.id, c), message(BASE, c))));
    const retry = outs.flatMap((o, i) => (o.ok ? [] : [{ o, c: people[i]! }]));
    expect(retry).toHaveLength(1);
    expect(retry[0]!.o).toMatchObject({ ok: false, action: 'RETRY' });
    const again = await send(row(retry[0]!.c.id, retry[0]!.c), message(BASE, retry[0]!.c));
    expect(again.ok).toBe(true);
    await s.waitFor(6);
    expect(s.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(people.map((p) => p.email).sort());
  });

  it('signs in with AUTH LOGIN, and pauses on refused credentials', async () => {
    const s = await sink({ auth: { user: 'mailer', pass: 'pässword' }, authMethods: ['LOGIN'] });
    const c = contact(1, 'a@example.com');
    const good = sender(config(s, { user: 'mailer', password: 'pässword' })).send;
    expect((await good(row(1, c), message(BASE, c))).ok).toBe(true);
    expect(s.logins).toEqual([{ method: 'LOGIN', user: 'mailer' }]);
    const bad = sender(config(s, { user: 'mailer', password: 'wrong' })).send;
    expect(await bad(row(2, c), message(BASE, c))).toEqual({
      ok: false,
      action: 'PAUSE',
      code: 'EAUTH',
      message: AUTH_MESSAGE,
    });
  });

  it('speaks STARTTLS to a server with a certificate made here, trusted through `ca` only', async () => {
    const { key, cert } = makeSelfSignedCert();
    const s = await sink({ tls: 'starttls', key, cert });
    const c = contact(1, 'a@example.com');
    const trusted = sender(config(s, { security: 'starttls' }), { ca: cert }).send;
    expect((await trusted(row(1, c), message(BASE, c))).ok).toBe(true);
    await s.waitFor(1);
    const untrusted = sender(config(s, { security: 'starttls' })).send;
    const out = await untrusted(row(2, c), message(BASE, c));
    expect(out).toMatchObject({ ok: false, action: 'PAUSE' });
    expect(s.messages).toHaveLength(1);
  });
});
