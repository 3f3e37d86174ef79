import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { composeEmail, smtpPoolOptions, type ComposeEmailArgs } from '../../src-main/channels/email';

const base: ComposeEmailArgs = {
  outboxId: 42,
  from: { name: 'Herald Team', address: 'news@example.com' },
  to: { name: 'Ana', address: 'ana@example.org' },
  subject: 'Hello',
  html: '<p>Hello <a href="https://example.com/offer">our offer</a></p><img src="x.png" alt="logo"><p>https://example.com</p>',
};

/** Builds the RFC 5322 message nodemailer would send, without a network. */
async function build(args: ComposeEmailArgs): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(composeEmail(args));
  return info.message.toString('utf8');
}

describe('composeEmail', () => {
  it('derives a plain-text part from the HTML', () => {
    const msg = composeEmail(base);
    expect(msg.html).toBe(base.html);
    expect(msg.text).toBe('Hello our offer [https://example.com/offer]\n\nhttps://example.com');
  });

  it('gives a Message-ID stable per outbox row and unique across rows', () => {
    const a = composeEmail(base).messageId;
    expect(a).toMatch(/^<herald-42\.[0-9a-f]{16}@example\.com>$/);
    expect(composeEmail(base).messageId).toBe(a);
    expect(composeEmail({ ...base, outboxId: 43 }).messageId).not.toBe(a);
    expect(composeEmail({ ...base, to: { name: 'Bo', address: 'bo@example.org' } }).messageId).not.toBe(a);
  });

  it('puts an internationalised From domain into the Message-ID as punycode', () => {
    const msg = composeEmail({ ...base, from: { name: '', address: 'info@bäckerei.de' } });
    expect(msg.messageId).toMatch(/@xn--bckerei-5wa\.de>$/);
  });

  it('refuses a From address without a domain', () => {
    let err: unknown;
    try {
      composeEmail({ ...base, from: { name: 'x', address: '' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_configured');
  });

  it('adds List-Unsubscribe, and the one-click header only with a URL', async () => {
    const mailtoOnly = await build({ ...base, listUnsubscribe: { mailto: 'unsub@example.com' } });
    expect(mailtoOnly).toMatch(/^List-Unsubscribe: <mailto:unsub@example\.com>$/m);
    expect(mailtoOnly).not.toMatch(/^List-Unsubscribe-Post:/m);

    const oneClick = await build({
      ...base,
      listUnsubscribe: { mailto: 'mailto:unsub@example.com?subject=stop', url: 'https://example.com/u/1' },
    });
    expect(oneClick).toMatch(
      /^List-Unsubscribe: <mailto:unsub@example\.com\?subject=stop>,\s+<https:\/\/example\.com\/u\/1>$/m,
    );
    expect(oneClick).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    expect(await build(base)).not.toMatch(/^List-Unsubscribe/m);
  });

  it('encodes non-ASCII names and subjects (RFC 2047)', async () => {
    const raw = await build({
      ...base,
      from: { name: 'Bäckerei Müller', address: 'news@example.com' },
      subject: 'Grüße',
    });
    expect(raw).toMatch(/^From: =\?UTF-8\?[QB]\?.+\?= <news@example\.com>$/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?.+\?=$/m);
    expect(raw).toMatch(/^Message-ID: <herald-42\./m);
  });
});

describe('smtpPoolOptions', () => {
  const settings = {
    host: 'smtp.example.com',
    port: 465,
    security: 'tls' as const,
    user: 'u',
    fromName: '',
    fromAddress: '',
  };

  it('maps security modes, auth and timeouts', () => {
    const tls = smtpPoolOptions(settings, 'pw');
    expect(tls).toMatchObject({
      pool: true,
      maxConnections: 3,
      secure: true,
      requireTLS: false,
      auth: { user: 'u', pass: 'pw' },
    });
    expect(tls.tls).toMatchObject({ rejectUnauthorized: true });
    expect(tls.connectionTimeout).toBeGreaterThan(0);
    expect(tls.greetingTimeout).toBeGreaterThan(0);

    const starttls = smtpPoolOptions({ ...settings, security: 'starttls', port: 587, user: '' }, null, {
      poolSize: 5,
    });
    expect(starttls).toMatchObject({ secure: false, requireTLS: true, maxConnections: 5 });
    expect(starttls.auth).toBeUndefined();

    const none = smtpPoolOptions({ ...settings, host: 'localhost', security: 'none' }, null, {
      allowSelfSigned: true,
    });
    expect(none).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: true });
    expect(none.tls).toMatchObject({ rejectUnauthorized: false });
  });

  it('turns messages/s into nodemailer rate windows', () => {
    expect(smtpPoolOptions(settings, null, { rateLimitPerSec: 10 })).toMatchObject({
      rateLimit: 10,
      rateDelta: 1000,
    });
    expect(smtpPoolOptions(settings, null, { rateLimitPerSec: 0.5 })).toMatchObject({
      rateLimit: 1,
      rateDelta: 2000,
    });
    expect(smtpPoolOptions(settings, null).rateLimit).toBeUndefined();
  });

  it('allows unencrypted SMTP only to loopback hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '::1']) {
      expect(() => smtpPoolOptions({ ...settings, host, security: 'none' }, null)).not.toThrow();
    }
    expect(() => smtpPoolOptions({ ...settings, host: '10.0.0.5', security: 'none' }, null)).toThrow(
      /^Unencrypted SMTP is only allowed to this computer/,
    );
  });
});
