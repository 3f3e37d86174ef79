import { describe, expect, it } from 'vitest';
import { csvCell, recipientsCsv } from '../../src-main/sending/csv';
import { planRow } from '../../src-main/sending/outbox';
import {
  BACKOFF_CAP_MS,
  ESCALATE_AFTER,
  MAX_ATTEMPTS,
  type DecisionInput,
  decide,
  retryDelayMs,
} from '../../src-main/sending/policy';
import { tierCap } from '../../src-main/sending/quota';
import type { SendOutcome } from '../../src-main/sending/types';

const NOW = 1_700_000_000_000;
const fail = (
  action: 'RETRY' | 'PAUSE' | 'TEMPLATE' | 'FAIL',
  code: string,
  extra: object = {},
): SendOutcome => ({
  ok: false,
  action,
  code,
  message: `error ${code}`,
  ...extra,
});
const input = (outcome: SendOutcome, over: Partial<DecisionInput> = {}): DecisionInput => ({
  channel: 'whatsapp',
  attempts: 1,
  outcome,
  fallbackToEmail: false,
  channelHadSuccess: true,
  repeatedFailures: 0,
  now: NOW,
  random: () => 0.5,
  ...over,
});

describe('decide: what a failure does to the row and the run', () => {
  it('records a success as sent', () => {
    expect(decide(input({ ok: true, providerMessageId: 'wamid.X' })).row).toEqual({
      kind: 'sent',
      providerMessageId: 'wamid.X',
    });
  });

  it('never retries an ambiguous send: it becomes unknown', () => {
    const d = decide(input(fail('RETRY', '-1', { ambiguous: true })));
    expect(d.row.kind).toBe('unknown');
    expect(d.effect).toEqual({});
  });

  it('PAUSE requeues without using an attempt and pauses the campaign with the fix-it message', () => {
    const d = decide(input(fail('PAUSE', '190')));
    expect(d.row).toMatchObject({ kind: 'requeue', refund: true, at: NOW });
    expect(d.effect.stop).toEqual({ kind: 'pause', reason: 'error 190' });
  });

  it('TEMPLATE stops the campaign, unless it may be one recipient’s value and others got through', () => {
    expect(decide(input(fail('TEMPLATE', '132015'))).effect.stop?.kind).toBe('stopped');
    const recipient = decide(input(fail('TEMPLATE', '131009')));
    expect(recipient.row.kind).toBe('failed');
    expect(recipient.effect.stop).toBeUndefined();
    const first = decide(input(fail('TEMPLATE', '131009'), { channelHadSuccess: false }));
    expect(first.effect.stop?.kind).toBe('stopped');
  });

  it('RETRY backs off exponentially with jitter, capped, and fails after the maximum attempts', () => {
    const d1 = decide(input(fail('RETRY', '131016'), { attempts: 1 }));
    const d3 = decide(input(fail('RETRY', '131016'), { attempts: 3 }));
    expect(d1.row.kind).toBe('requeue');
    expect(d3.row.kind).toBe('requeue');
    const at = (d: ReturnType<typeof decide>) => (d.row.kind === 'requeue' ? d.row.at - NOW : -1);
    expect(at(d3)).toBeGreaterThan(at(d1));
    expect(retryDelayMs(50, {}, () => 1)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    const jittered = new Set([0, 0.3, 0.9].map((r) => retryDelayMs(4, {}, () => r)));
    expect(jittered.size).toBe(3);
    expect(decide(input(fail('RETRY', '131016'), { attempts: MAX_ATTEMPTS })).row.kind).toBe('failed');
  });

  it('131056 backs off that recipient only, 4^n seconds', () => {
    const d1 = decide(input(fail('RETRY', '131056'), { attempts: 1 }));
    const d2 = decide(input(fail('RETRY', '131056'), { attempts: 2 }));
    expect(d1.effect).toEqual({});
    expect(d1.row.kind === 'requeue' && d1.row.at - NOW).toBe(4_000);
    expect(d2.row.kind === 'requeue' && d2.row.at - NOW).toBe(16_000);
  });

  it('130429 slows the whole channel and does not use up the recipient’s attempts', () => {
    const d = decide(input(fail('RETRY', '130429', { throttled: true }), { attempts: MAX_ATTEMPTS }));
    expect(d.row).toMatchObject({ kind: 'requeue', refund: true });
    expect(d.effect.slow).toBe(true);
    expect(d.effect.blockMs).toBeGreaterThan(0);
  });

  it('131057 (maintenance) makes the channel wait about a minute', () => {
    const d = decide(input(fail('RETRY', '131057')));
    expect(d.effect.blockMs).toBeGreaterThanOrEqual(60_000);
  });

  it('a provider that cannot be reached holds the channel without using an attempt', () => {
    const wa = decide(input(fail('RETRY', '-1')));
    expect(wa.effect.offline).toBe(true);
    expect(wa.row).toMatchObject({ kind: 'requeue', refund: true });
    const smtp = decide(input(fail('RETRY', 'ECONNECTION'), { channel: 'email' }));
    expect(smtp.effect.offline).toBe(true);
    expect(decide(input(fail('RETRY', '421 4.3.2'), { channel: 'email' })).effect.offline).toBeUndefined();
  });

  it('FAIL ends the recipient, queues the email in WhatsApp-first mode, and 131050 suppresses the number', () => {
    const d = decide(input(fail('FAIL', '131026'), { fallbackToEmail: true }));
    expect(d.row).toMatchObject({ kind: 'failed', fallback: true, suppress: false });
    expect(decide(input(fail('FAIL', '131050'))).row).toMatchObject({ kind: 'failed', suppress: true });
    expect(
      decide(input(fail('FAIL', '550 5.1.1'), { channel: 'email', fallbackToEmail: true })).row,
    ).toMatchObject({
      fallback: false,
    });
  });

  it('135000 repeated for every recipient stops the campaign', () => {
    expect(decide(input(fail('FAIL', '135000'), { repeatedFailures: 0 })).effect.stop).toBeUndefined();
    const d = decide(input(fail('FAIL', '135000'), { repeatedFailures: ESCALATE_AFTER - 1 }));
    expect(d.effect.stop?.kind).toBe('stopped');
  });
});

describe('tierCap: the messaging limit from the tier name', () => {
  it('parses the names Meta uses, without a fixed ladder', () => {
    expect(tierCap('TIER_250')).toBe(250);
    expect(tierCap('TIER_2K')).toBe(2_000);
    expect(tierCap('TIER_10K')).toBe(10_000);
    expect(tierCap('TIER_100K')).toBe(100_000);
    expect(tierCap('TIER_50')).toBe(50);
    expect(tierCap('TIER_1M')).toBe(1_000_000);
    expect(tierCap('TIER_UNLIMITED')).toBeNull();
    expect(tierCap('GOLD')).toBeUndefined();
    expect(tierCap(null)).toBeUndefined();
  });
});

describe('planRow: who is skipped and why', () => {
  it('gives a reason for every skipped contact', () => {
    expect(planRow('email', null, null, null).skipReason).toBe('No email address.');
    expect(planRow('whatsapp', '12345', null, null).skipReason).toBe('Not a valid phone number.');
    expect(planRow('email', 'a@example.com', null, 'Unsubscribed').skipReason).toBe(
      'On the suppression list: Unsubscribed',
    );
    expect(planRow('whatsapp', '+447700900123', 'denied', null).skipReason).toMatch(/declined WhatsApp/);
    const seen = new Set<string>();
    expect(planRow('email', 'a@example.com', 'granted', null, seen).state).toBe('queued');
    expect(planRow('email', 'a@example.com', null, null, seen).skipReason).toMatch(/Duplicate/);
  });
});

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas, and quotes per RFC 4180', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+447700900123')).toBe("'+447700900123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    const { csv, rows } = recipientsCsv([
      {
        id: 1,
        contactId: 1,
        name: '=cmd',
        channel: 'email',
        address: 'a@example.com',
        state: 'failed',
        attempts: 2,
        providerMessageId: null,
        errorCode: '550 5.1.1',
        errorMessage: 'Refused, "no such user"',
        errorAction: 'FAIL',
        skipReason: null,
        updatedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      },
    ]);
    expect(rows).toBe(1);
    expect(csv.split('\r\n')[1]).toBe(
      `'=cmd,email,a@example.com,failed,2,550 5.1.1,"Refused, ""no such user""",,,2026-01-02T03:04:05.000Z`,
    );
  });
});
