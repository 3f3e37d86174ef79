import { describe, expect, it } from 'vitest';
import { AUTH_MESSAGE, AUTH_REQUIRED_MESSAGE, classifySmtpError } from '../../src-main/channels/email';

/** An error shaped like the ones nodemailer hands back (Error plus code/response fields). */
function smtpErr(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifySmtpError', () => {
  it('pauses on refused or missing credentials', () => {
    const bad = smtpErr('Invalid login: 535 5.7.8 Error: authentication failed', {
      code: 'EAUTH',
      responseCode: 535,
      response: '535 5.7.8 Error: authentication failed',
      command: 'AUTH PLAIN',
    });
    expect(classifySmtpError(bad)).toEqual({ action: 'PAUSE', code: 'EAUTH', message: AUTH_MESSAGE });
    const required = smtpErr('Mail command failed', {
      code: 'EENVELOPE',
      responseCode: 530,
      response: '530 5.7.0 Authentication required',
      command: 'MAIL FROM',
    });
    expect(classifySmtpError(required)).toEqual({
      action: 'PAUSE',
      code: 'ENOAUTH',
      message: AUTH_REQUIRED_MESSAGE,
    });
  });

  it('fails a recipient the server refuses permanently', () => {
    const e = smtpErr("Can't send mail - all recipients were rejected", {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
      command: 'RCPT TO',
    });
    expect(classifySmtpError(e)).toEqual({
      action: 'FAIL',
      code: '550 5.1.1',
      message:
        'The SMTP server refused this recipient: 550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
    });
  });

  it('fails a message refused after DATA', () => {
    const e = smtpErr('Message failed', {
      code: 'EMESSAGE',
      responseCode: 554,
      response: '554 5.7.1 Message rejected as spam',
      command: 'DATA',
    });
    expect(classifySmtpError(e)).toMatchObject({ action: 'FAIL', code: '554 5.7.1' });
    expect(classifySmtpError(e).message).toMatch(/^The SMTP server refused this message: 554/);
  });

  it('pauses when the sender is refused or the sending quota is reached', () => {
    const sender = smtpErr('Mail command failed', {
      code: 'EENVELOPE',
      responseCode: 553,
      response: '553 5.7.1 Sender address rejected: not owned by user',
      command: 'MAIL FROM',
    });
    expect(classifySmtpError(sender)).toMatchObject({ action: 'PAUSE', code: '553 5.7.1' });
    expect(classifySmtpError(sender).message).toMatch(/check the From address in Settings/);
    const quota = smtpErr('Message failed', {
      code: 'EMESSAGE',
      responseCode: 550,
      response: '550 5.4.5 Daily user sending limit exceeded.',
      command: 'DATA',
    });
    expect(classifySmtpError(quota)).toMatchObject({ action: 'PAUSE', code: '550 5.4.5' });
  });

  it('retries temporary replies, including 503', () => {
    for (const [responseCode, response] of [
      [421, '421 4.7.0 Try again later, closing connection'],
      [451, '451 4.3.0 Temporary local problem'],
      [452, '452 4.2.2 Mailbox full, try later'],
      [503, '503 5.5.1 Error: nested MAIL command'],
    ] as const) {
      const r = classifySmtpError(
        smtpErr('x', { code: 'EENVELOPE', responseCode, response, command: 'RCPT TO' }),
      );
      expect(r.action).toBe('RETRY');
      expect(r.code.startsWith(String(responseCode))).toBe(true);
    }
  });

  it('retries network failures', () => {
    const cases = [
      { code: 'ECONNECTION', message: 'Connection closed unexpectedly' },
      { code: 'ETIMEDOUT', message: 'Greeting never received' },
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
      { code: 'ECONNRESET', message: 'read ECONNRESET' },
      { code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example.invalid' },
    ];
    for (const { message, ...fields } of cases) {
      expect(classifySmtpError(smtpErr(message, fields))).toEqual({
        action: 'RETRY',
        code: fields.code,
        message: `Could not reach the SMTP server: ${message}`,
      });
    }
  });

  it('pauses on TLS and certificate failures', () => {
    const cert = smtpErr('self-signed certificate', {
      code: 'ESOCKET',
      originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(classifySmtpError(cert)).toMatchObject({ action: 'PAUSE', code: 'ESOCKET' });
    const tls = smtpErr('Error initiating TLS', { code: 'ETLS' });
    expect(classifySmtpError(tls).message).toMatch(/^Could not set up a secure connection/);
  });

  it('fails a locally invalid envelope and retries what it does not recognise', () => {
    expect(classifySmtpError(smtpErr('No recipients defined', { code: 'EENVELOPE' })).action).toBe('FAIL');
    expect(classifySmtpError(new Error('boom'))).toEqual({
      action: 'RETRY',
      code: 'UNKNOWN',
      message: 'Sending failed: boom',
    });
    expect(classifySmtpError('weird')).toMatchObject({ action: 'RETRY', code: 'UNKNOWN' });
    expect(classifySmtpError(null)).toMatchObject({ action: 'RETRY', code: 'UNKNOWN' });
  });

  it('keeps long server replies to one line of at most 300 characters', () => {
    const response = `550 5.1.1 ${'x'.repeat(400)}\r\n550 more`;
    const r = classifySmtpError(
      smtpErr('x', { code: 'EENVELOPE', responseCode: 550, response, command: 'RCPT TO' }),
    );
    const reply = r.message.replace('The SMTP server refused this recipient: ', '');
    expect(reply.length).toBe(300);
    expect(reply).not.toMatch(/[\r\n]/);
  });
});
