import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import {
  AUTH_MESSAGE,
  composeEmail,
  createSmtpChannel,
  type SmtpChannel,
  type SmtpConnectionSettings,
} from '../../src-main/channels/email';
import {
  compileTemplate,
  contactVariables,
  renderTemplate,
  TemplateSyntaxError,
} from '../../src-main/templates';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../support/smtp-sink';

const opened: { sinks: SmtpSink[]; channels: SmtpChannel[] } = { sinks: [], channels: [] };

afterEach(async () => {
  for (const c of opened.channels.splice(0)) c.close();
  await Promise.all(opened.sinks.splice(0).map((s) => s.close()));
});

async function sink(opts?: SmtpSinkOptions): Promise<SmtpSink> {
  const s = await startSmtpSink(opts);
  opened.sinks.push(s);
  return s;
}

function settingsFor(
  s: { port: number },
  over: Partial<SmtpConnectionSettings> = {},
): SmtpConnectionSettings {
  return {
    host: '127.0.0.1',
    port: s.port,
    security: 'none',
    user: '',
    fromName: 'Bäckerei Müller',
    fromAddress: 'news@bäckerei.example',
    ...over,
  };
}

function channel(...args: Parameters<typeof createSmtpChannel>): SmtpChannel {
  const c = createSmtpChannel(...args);
  opened.channels.push(c);
  return c;
}

const from = { name: 'Bäckerei Müller', address: 'news@example.com' };

function simpleMail(outboxId: number, to: string) {
  return composeEmail({
    outboxId,
    from,
    to: { name: '', address: to },
    subject: 'Hello',
    html: '<p>Hello</p>',
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!addr || typeof addr !== 'object') throw new Error('no port');
  return addr.port;
}

describe('SMTP channel against a real SMTP server', () => {
  it('delivers personalised messages with UTF-8 subject, both parts, Message-ID and List-Unsubscribe', async () => {
    const s = await sink();
    const ch = channel(settingsFor(s), null);
    await ch.verify();

    const subject = compileTemplate('Grüße, {{ first_name | default: "Kunde" }}!');
    const html = compileTemplate(
      '<h1>Hallo {{ first_name }}</h1><p>Ihr Rabatt in {{ city }}: <b>10&nbsp;%</b></p>',
    );
    if (subject instanceof TemplateSyntaxError || html instanceof TemplateSyntaxError)
      throw new Error('bad template');
    const contacts = [
      {
        firstName: 'Jürgen',
        lastName: 'Groß',
        email: 'juergen@example.com',
        phone: null,
        attributes: { city: 'Köln' },
      },
      {
        firstName: 'Zoë',
        lastName: null,
        email: 'zoe@example.org',
        phone: null,
        attributes: { city: '<Paris>' },
      },
      {
        firstName: null,
        lastName: null,
        email: 'anon@example.net',
        phone: null,
        attributes: { city: 'Wien' },
      },
    ];

    const sent = [];
    for (const [i, c] of contacts.entries()) {
      const vars = contactVariables(c);
      const msg = composeEmail({
        outboxId: 100 + i,
        from,
        to: { name: vars.full_name ?? '', address: c.email },
        subject: renderTemplate(subject, vars, { escapeHtml: false }),
        html: renderTemplate(html, vars, { escapeHtml: true }),
        listUnsubscribe: {
          mailto: 'unsubscribe@example.com?subject=unsubscribe',
          url: 'https://example.com/u/abc',
        },
      });
      const r = await ch.send(msg);
      expect(r).toMatchObject({ ok: true, messageId: msg.messageId });
      sent.push(msg);
    }
    await s.waitFor(3);

    expect(s.messages.map((m) => m.envelopeTo)).toEqual([
      ['juergen@example.com'],
      ['zoe@example.org'],
      ['anon@example.net'],
    ]);
    expect(s.messages.map((m) => m.envelopeFrom)).toEqual(Array(3).fill('news@example.com'));
    expect(s.messages.map((m) => m.subject)).toEqual(['Grüße, Jürgen!', 'Grüße, Zoë!', 'Grüße, Kunde!']);
    expect(s.messages.map((m) => m.to)).toEqual([
      '"Jürgen Groß" <juergen@example.com>',
      '"Zoë" <zoe@example.org>',
      'anon@example.net',
    ]);

    const [first, second] = s.messages;
    expect(first?.from).toBe('"Bäckerei Müller" <news@example.com>');
    expect(first?.html).toContain('<h1>Hallo Jürgen</h1>');
    expect(first?.text).toContain('Hallo Jürgen');
    expect(first?.text).toContain('Ihr Rabatt in Köln: 10');
    expect(second?.html).toContain('Ihr Rabatt in &lt;Paris&gt;');
    expect(second?.text).toContain('Ihr Rabatt in <Paris>');
    // The subject went over the wire RFC 2047-encoded, not as raw 8-bit.
    expect(first?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(first?.raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(first?.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8\r$/m);
    expect(first?.raw).toMatch(/^Content-Type: text\/html; charset=utf-8\r$/m);

    expect(s.messages.map((m) => m.messageId)).toEqual(sent.map((m) => m.messageId));
    expect(first?.messageId).toMatch(/^<herald-100\.[0-9a-f]{16}@example\.com>$/);
    expect(new Set(s.messages.map((m) => m.messageId)).size).toBe(3);
    expect(first?.raw).toMatch(
      /^List-Unsubscribe: <mailto:unsubscribe@example\.com\?subject=unsubscribe>,\s+<https:\/\/example\.com\/u\/abc>/m,
    );
    expect(first?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it('authenticates with AUTH PLAIN', async () => {
    const s = await sink({ auth: { user: 'mailer', pass: 's3cret ü' } });
    const ch = channel(settingsFor(s, { user: 'mailer' }), 's3cret ü');
    await ch.verify();
    const r = await ch.send(simpleMail(1, 'a@example.com'));
    expect(r.ok).toBe(true);
    await s.waitFor(1);
    expect(s.logins[0]).toEqual({ method: 'PLAIN', user: 'mailer' });
    expect(s.messages[0]?.envelopeTo).toEqual(['a@example.com']);
  });

  it('classifies a wrong password as PAUSE, on send and on verify', async () => {
    const s = await sink({ auth: { user: 'mailer', pass: 'right' } });
    const ch = channel(settingsFor(s, { user: 'mailer' }), 'wrong');
    const r = await ch.send(simpleMail(1, 'a@example.com'));
    expect(r).toEqual({ ok: false, error: { action: 'PAUSE', code: 'EAUTH', message: AUTH_MESSAGE } });

    const err = await ch.verify().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).message).toContain(AUTH_MESSAGE);
    expect((err as AppError).details).toEqual({ action: 'PAUSE', code: 'EAUTH' });
    expect(s.messages).toHaveLength(0);
  });

  it('fails a recipient refused with 550 and retries one refused with 451, others still delivered', async () => {
    const s = await sink({ rejectRecipients: { 'gone@example.com': 550, 'Busy@Example.com': 451 } });
    const ch = channel(settingsFor(s), null);

    const gone = await ch.send(simpleMail(1, 'gone@example.com'));
    expect(gone.ok).toBe(false);
    if (gone.ok) return;
    expect(gone.error.action).toBe('FAIL');
    expect(gone.error.code).toBe('550 5.1.1');
    expect(gone.error.message).toMatch(/^The SMTP server refused this recipient: .*gone@example\.com/);

    const busy = await ch.send(simpleMail(2, 'busy@example.com'));
    expect(busy).toMatchObject({ ok: false, error: { action: 'RETRY', code: '451 4.1.1' } });

    const fine = await ch.send(simpleMail(3, 'fine@example.com'));
    expect(fine.ok).toBe(true);
    await s.waitFor(1);
    expect(s.messages.map((m) => m.envelopeTo)).toEqual([['fine@example.com']]);
  });

  it('verify() on a closed port fails with a retryable "could not reach" error', async () => {
    const port = await closedPort();
    const ch = channel(settingsFor({ port }), null);
    const err = await ch.verify().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).message).toMatch(
      /^Could not reach the SMTP server: .*ECONNREFUSED.*\(127\.0\.0\.1:\d+\)$/,
    );
    expect((err as AppError).details).toMatchObject({ action: 'RETRY' });

    const r = await ch.send(simpleMail(1, 'a@example.com'));
    expect(r).toMatchObject({ ok: false, error: { action: 'RETRY' } });
  });

  it('retries when the server drops the connection mid-session', async () => {
    // A server that greets, then hangs up as soon as the client speaks.
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 flaky.example ESMTP\r\n');
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const addr = server.address();
      if (!addr || typeof addr !== 'object') throw new Error('no port');
      const ch = channel(settingsFor({ port: addr.port }), null);
      const r = await ch.send(simpleMail(1, 'a@example.com'));
      expect(r).toMatchObject({ ok: false, error: { action: 'RETRY', code: 'ECONNECTION' } });
    } finally {
      server.close();
    }
  });

  it('refuses unencrypted SMTP to another computer', () => {
    let err: unknown;
    try {
      createSmtpChannel(settingsFor({ port: 25 }, { host: 'smtp.example.com' }), null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_input');
    expect((err as AppError).message).toMatch(/^Unencrypted SMTP is only allowed to this computer/);
  });

  it('speaks STARTTLS and implicit TLS, and rejects an untrusted certificate unless allowed', async () => {
    const starttls = await sink({ tls: 'starttls' });
    const implicit = await sink({ tls: 'implicit' });

    const a = channel(settingsFor(starttls, { security: 'starttls' }), null, { allowSelfSigned: true });
    expect((await a.send(simpleMail(1, 'a@example.com'))).ok).toBe(true);
    const b = channel(settingsFor(implicit, { security: 'tls' }), null, { allowSelfSigned: true });
    expect((await b.send(simpleMail(2, 'b@example.com'))).ok).toBe(true);
    await starttls.waitFor(1);
    await implicit.waitFor(1);

    const strict = channel(settingsFor(implicit, { security: 'tls' }), null);
    const r = await strict.send(simpleMail(3, 'c@example.com'));
    expect(r).toMatchObject({ ok: false, error: { action: 'PAUSE' } });
    if (!r.ok) expect(r.error.message).toMatch(/^Could not set up a secure connection to the SMTP server/);
    expect(implicit.messages).toHaveLength(1);
  });
});
