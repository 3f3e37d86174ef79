import { describe, expect, it } from 'vitest';
import {
  classifyError,
  classifyNetworkError,
  classifyResponse,
  CloudApiError,
} from '../../src-main/channels/whatsapp/errors';
import type { ErrorAction } from '../../src-main/channels/whatsapp/types';

/**
 * Every row of the table in whatsapp-cloud-api.md ("Errors"), written out independently of the
 * implementation's table: code, optional subcode, expected action, and words the user message must
 * contain so it says what to fix.
 */
const TABLE: [code: number, subcode: number | undefined, action: ErrorAction, says: RegExp][] = [
  [0, undefined, 'PAUSE', /access token is invalid/],
  [190, undefined, 'PAUSE', /access token is invalid.*Settings/],
  [190, 463, 'PAUSE', /access token expired: paste a new one/],
  [1, undefined, 'RETRY', /unknown error/],
  [131000, undefined, 'RETRY', /unknown error/],
  [2, undefined, 'RETRY', /temporarily unavailable/],
  [131016, undefined, 'RETRY', /temporarily unavailable/],
  [3, undefined, 'PAUSE', /lacks a permission/],
  [10, undefined, 'PAUSE', /lacks a permission/],
  [200, undefined, 'PAUSE', /lacks a permission/],
  [250, undefined, 'PAUSE', /lacks a permission/],
  [299, undefined, 'PAUSE', /lacks a permission/],
  [131005, undefined, 'PAUSE', /lacks a permission/],
  [4, undefined, 'RETRY', /too many API calls/],
  [80007, undefined, 'RETRY', /Business Account hit its rate limit/],
  [130429, undefined, 'RETRY', /throughput/],
  [131056, undefined, 'RETRY', /same|this contact/],
  [131057, undefined, 'RETRY', /maintenance/],
  [131048, undefined, 'PAUSE', /spam.*quality rating/],
  [131064, undefined, 'PAUSE', /restricted/],
  [368, undefined, 'PAUSE', /blocked for policy/],
  [131031, undefined, 'PAUSE', /locked/],
  [131042, undefined, 'PAUSE', /payment/],
  [131045, undefined, 'PAUSE', /register/],
  [133010, undefined, 'PAUSE', /not registered/],
  [33, undefined, 'PAUSE', /phone number ID or WABA ID/],
  [100, undefined, 'TEMPLATE', /parameter/],
  [131008, undefined, 'TEMPLATE', /required parameter is missing/i],
  [131009, undefined, 'TEMPLATE', /not valid/],
  [132000, undefined, 'TEMPLATE', /number of variables/],
  [132012, undefined, 'TEMPLATE', /format/],
  [131051, undefined, 'TEMPLATE', /message type/],
  [132005, undefined, 'TEMPLATE', /too long/],
  [132001, undefined, 'TEMPLATE', /not approved/],
  [132007, undefined, 'TEMPLATE', /policy/],
  [132015, undefined, 'TEMPLATE', /paused/],
  [132016, undefined, 'TEMPLATE', /disabled/],
  [131053, undefined, 'TEMPLATE', /media/],
  [131021, undefined, 'FAIL', /sending business number/],
  [131026, undefined, 'FAIL', /Undeliverable/],
  [131047, undefined, 'FAIL', /24 hours/],
  [131049, undefined, 'FAIL', /24 hours/],
  [131050, undefined, 'FAIL', /marketing/],
  [130472, undefined, 'FAIL', /experiment/],
  [130497, undefined, 'FAIL', /country/],
  [135000, undefined, 'FAIL', /if it repeats/],
];

describe('classifyError: the documented table', () => {
  it.each(TABLE)('code %i (subcode %s) → %s', (code, subcode, action, says) => {
    const c = classifyError(code, subcode, { metaMessage: 'm', httpStatus: 400 });
    expect(c.action).toBe(action);
    expect(c.code).toBe(code);
    expect(c.subcode).toBe(subcode);
    expect(c.userMessage).toMatch(says);
  });

  it('classifies by code alone: HTTP status does not change a known code', () => {
    for (const status of [400, 429, 500, undefined]) {
      expect(classifyError(131026, undefined, { httpStatus: status }).action).toBe('FAIL');
      expect(classifyError(130429, undefined, { httpStatus: status }).action).toBe('RETRY');
    }
  });

  it('gives the finer hints the table implies', () => {
    expect(classifyError(130429).hints?.retryScope).toBe('channel');
    expect(classifyError(131056).hints).toMatchObject({
      retryScope: 'recipient',
      backoffBaseMs: 4000,
      backoffFactor: 4,
    });
    expect(classifyError(131057).hints?.minDelayMs).toBe(60_000);
    expect(classifyError(4).hints?.retryScope).toBe('app');
    expect(classifyError(80007).hints?.retryScope).toBe('account');
    expect(classifyError(131000).hints?.maxAttempts).toBe(3);
    expect(classifyError(131009).hints?.mayBeRecipientSpecific).toBe(true);
    expect(classifyError(131053).hints?.mayBeRecipientSpecific).toBe(true);
    expect(classifyError(132000).hints?.mayBeRecipientSpecific).toBeUndefined();
    expect(classifyError(131026).hints?.emailFallback).toBe(true);
    expect(classifyError(131047).hints?.resendAsTemplate).toBe(true);
    expect(classifyError(131049).hints?.noResendForMs).toBe(24 * 60 * 60 * 1000);
    expect(classifyError(131050).hints?.suppressMarketing).toBe(true);
    expect(classifyError(135000).hints?.escalateIfRepeated).toBe(true);
  });

  it('treats 100 with subcode 33 (object missing or not permitted) as a settings problem', () => {
    const c = classifyError(100, 33);
    expect(c.action).toBe('PAUSE');
    expect(c.code).toBe(100);
    expect(c.userMessage).toMatch(/phone number ID or WABA ID/);
  });

  it('classifies 132018 (bad characters in a value) as a possibly per-recipient TEMPLATE error', () => {
    const c = classifyError(132018);
    expect(c.action).toBe('TEMPLATE');
    expect(c.hints?.mayBeRecipientSpecific).toBe(true);
    expect(c.userMessage).toMatch(/line break/);
  });

  it('retries unknown codes on 5xx or when Meta says transient, and fails them otherwise', () => {
    expect(classifyError(987654, undefined, { httpStatus: 500 }).action).toBe('RETRY');
    expect(classifyError(987654, undefined, { httpStatus: 503 }).action).toBe('RETRY');
    expect(classifyError(987654, undefined, { httpStatus: 400, isTransient: true }).action).toBe('RETRY');
    expect(classifyError(987654, undefined, { httpStatus: 400 }).action).toBe('FAIL');
    expect(classifyError(987654).action).toBe('FAIL');
    expect(classifyError(199, undefined, { httpStatus: 400 }).action).toBe('FAIL');
    expect(classifyError(300, undefined, { httpStatus: 400 }).action).toBe('FAIL');
    expect(classifyError(987654, undefined, { details: 'odd thing' }).userMessage).toMatch(
      /987654: odd thing/,
    );
  });
});

describe('classifyResponse', () => {
  const body = (error: Record<string, unknown>) => ({
    error: { message: 'x', type: 'OAuthException', ...error },
  });

  it('reads code, subcode, details and fbtrace_id from the documented shape', () => {
    const c = classifyResponse(
      400,
      body({
        message: '(#130429) Rate limit hit',
        code: 130429,
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Cloud API message throughput has been reached.',
        },
        error_subcode: 2494055,
        fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      }),
    );
    expect(c).toMatchObject({
      action: 'RETRY',
      code: 130429,
      subcode: 2494055,
      metaMessage: '(#130429) Rate limit hit',
      details: 'Cloud API message throughput has been reached.',
      httpStatus: 400,
      fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    });
  });

  it('uses error.code, not the HTTP status', () => {
    expect(classifyResponse(429, body({ code: 130429 })).action).toBe('RETRY');
    expect(classifyResponse(500, body({ code: 131026 })).action).toBe('FAIL');
    expect(classifyResponse(401, body({ code: 190, error_subcode: 463 })).userMessage).toMatch(/expired/);
    expect(classifyResponse(500, body({ code: 424242 })).action).toBe('RETRY');
    expect(classifyResponse(400, body({ code: 424242 })).action).toBe('FAIL');
  });

  it('gives code -2 to bodies that are not the documented error', () => {
    const gateway = classifyResponse(502, undefined);
    expect(gateway).toMatchObject({ action: 'RETRY', code: -2, httpStatus: 502 });
    expect(classifyResponse(429, 'Too Many Requests').action).toBe('RETRY');
    expect(classifyResponse(404, { message: 'nope' })).toMatchObject({ action: 'FAIL', code: -2 });
    expect(classifyResponse(400, { error: { code: 'not-a-number' } }).code).toBe(-2);
    const odd200 = classifyResponse(200, { messages: [] });
    expect(odd200).toMatchObject({ action: 'FAIL', code: -2 });
    expect(odd200.hints?.mayHaveBeenAccepted).toBe(true);
  });
});

describe('classifyNetworkError', () => {
  it('turns a timeout into RETRY -1 that may have been accepted', () => {
    const c = classifyNetworkError(
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      15_000,
    );
    expect(c).toMatchObject({ action: 'RETRY', code: -1 });
    expect(c.details).toBe('no answer within 15 s');
    expect(c.hints?.mayHaveBeenAccepted).toBe(true);
    expect(c.userMessage).toMatch(/Could not reach.*base URL/);
  });

  it('knows a refused connection was never sent', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    const c = classifyNetworkError(refused, 1000);
    expect(c).toMatchObject({ action: 'RETRY', code: -1, details: 'ECONNREFUSED' });
    expect(c.hints?.mayHaveBeenAccepted).toBeUndefined();
  });

  it('accepts non-Error rejections', () => {
    expect(classifyNetworkError('boom', 1000)).toMatchObject({
      action: 'RETRY',
      code: -1,
      metaMessage: 'boom',
    });
  });
});

describe('CloudApiError', () => {
  it('carries the classification and shows the user message', () => {
    const e = new CloudApiError(classifyError(190, 463));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CloudApiError');
    expect(e.message).toMatch(/expired/);
    expect(e.classified.action).toBe('PAUSE');
  });
});
