import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintProgress, LintReport } from '../../src-main/contract';
import { SendingRig } from '../support/sending-rig';
import { type ReviewContact, lint, problem, reviewDraft, setContacts } from '../support/review-fixtures';

let rig: SendingRig;
beforeAll(async () => {
  rig = await SendingRig.start({ contacts: [] });
});
afterAll(async () => rig?.close());

const CONTACTS: ReviewContact[] = [
  /* 1 */ {
    firstName: 'Ann',
    email: 'ann@example.com',
    phone: '+447700900001',
    whatsappConsent: 'granted',
    attributes: { company: 'Acme' },
  },
  /* 2 */ {
    email: 'b@example.com',
    phone: '+447700900002',
    whatsappConsent: 'granted',
    attributes: { company: '' },
  },
  /* 3 */ { firstName: 'Cid', phone: '+447700900003' },
  /* 4 */ { firstName: 'Dee', email: 'dee@example.com', whatsappConsent: 'granted' },
  /* 5 */ { firstName: 'Eve', email: 'not-an-email', phone: '12345', whatsappConsent: 'granted' },
  /* 6 */ {
    firstName: 'Fay',
    email: 'fay@example.com',
    emailConsent: 'denied',
    phone: '+447700900006',
    whatsappConsent: 'granted',
  },
  /* 7 */ { firstName: 'Gus', email: 'gus@example.com', phone: '+447700900007', whatsappConsent: 'granted' },
  /* 8 */ {
    firstName: 'Hal',
    email: 'hal@example.com',
    phone: '+447700900008',
    whatsappConsent: 'granted',
    attributes: { note: 'Hi {{ name }}', company: 'Tab\there' },
  },
];
const SUPPRESSED = [
  { channel: 'email' as const, address: 'gus@example.com' },
  { channel: 'whatsapp' as const, address: '+447700900007' },
];

describe('review:lint rules', () => {
  it('finds every rule on every recipient, grouped with counts and contact ids', async () => {
    setContacts(rig, CONTACTS, SUPPRESSED);
    const draft = reviewDraft(rig, 'both', {
      subject: '{{ first_name }}',
      // Minified CSS has `}}` of its own; `{% if %}` guards the company.
      html: '<style>a{color:red}}</style><p>Dear {{ first_name }}, {{ note | default: "" }}{% if company %} of {{ company }}{% endif %}.</p>',
      parameters: {
        'body.1': '{{ first_name }}',
        'body.2': '{{ company | default: "n/a" }}',
        'button.0.1': 'SB-1',
      },
    });
    const r = await lint(rig, draft);

    expect(r).toMatchObject({ checked: 8, total: 8, cancelled: false, blockingRecipients: 2 });
    const emptyEmail = problem(r, 'empty_value', 'first_name', 'email')!;
    expect(emptyEmail).toMatchObject({ severity: 'blocking', count: 1, contactIds: [2] });
    expect(emptyEmail.label).toBe(
      'Empty value with no default: {{ first_name }} (email body, email subject)',
    );
    expect(emptyEmail.fix).toContain('default');
    expect(problem(r, 'empty_value', 'first_name', 'whatsapp')).toMatchObject({ contactIds: [2] });
    // The company is guarded by `{% if %}` in the email and has a default in WhatsApp.
    expect(problem(r, 'empty_value', 'company')).toBeUndefined();
    expect(problem(r, 'render_problem', 'email.subject')).toMatchObject({
      contactIds: [2],
      example: 'The email subject is empty for this contact.',
    });
    expect(problem(r, 'leftover_placeholder', 'email.html')).toMatchObject({
      severity: 'blocking',
      contactIds: [8],
    });
    expect(problem(r, 'leftover_placeholder', 'email.html')!.example).toContain('{{ name }}');
    // The empty WhatsApp {{1}} of contact 2 is reported once, as the empty value it is.
    expect(r.problems.filter((p) => p.code === 'whatsapp_parameter')).toEqual([
      expect.objectContaining({ subject: 'body.2', contactIds: [8], severity: 'blocking' }),
    ]);
    expect(problem(r, 'whatsapp_parameter', 'body.2')!.example).toMatch(/tab/);

    const skips = r.problems.filter((p) => p.severity === 'skip');
    expect(skips.map((p) => [p.code, p.channel, p.contactIds])).toEqual(
      expect.arrayContaining([
        ['missing_address', 'email', [3]],
        ['missing_address', 'whatsapp', [4]],
        ['invalid_address', 'email', [5]],
        ['invalid_address', 'whatsapp', [5]],
        ['no_consent', 'email', [6]],
        ['suppressed', 'email', [7]],
        ['suppressed', 'whatsapp', [7]],
      ]),
    );
    expect(skips).toHaveLength(7);
    expect(problem(r, 'no_opt_in_recorded')).toMatchObject({
      severity: 'warning',
      channel: 'whatsapp',
      contactIds: [3],
    });
    expect(problem(r, 'same_content_both')).toBeUndefined();
    // Blocking first, then skips, then warnings.
    const order = r.problems.map((p) => p.severity);
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ['blocking', 'skip', 'warning'].indexOf(a) - ['blocking', 'skip', 'warning'].indexOf(b),
      ),
    );
  });

  it('warns when both channels would carry the same text', async () => {
    setContacts(rig, CONTACTS.slice(0, 2), []);
    const draft = reviewDraft(rig, 'both', {
      html: '<p>Hi {{ first_name | default: "there" }}, your order SKB-1 has shipped.</p>',
    });
    const r = await lint(rig, draft);
    expect(problem(r, 'same_content_both')).toMatchObject({
      severity: 'warning',
      channel: null,
      contactIds: [1, 2],
      example: 'Hi Ann, your order SKB-1 has shipped.',
    });
    expect(r.blockingRecipients).toBe(0);
  });

  it('checks the fallback email of WhatsApp-first recipients, and only the channels the mode uses', async () => {
    setContacts(rig, CONTACTS.slice(0, 4), []);
    const draft = reviewDraft(rig, 'whatsapp_then_email', { html: '<p>Dear {{ first_name }}</p>' });
    const r = await lint(rig, draft);
    // Contact 2 is reached on WhatsApp; its email goes only if WhatsApp fails, and would be broken.
    expect(problem(r, 'empty_value', 'first_name', 'email')).toMatchObject({ contactIds: [2] });
    expect(problem(r, 'missing_address', '', 'whatsapp')).toMatchObject({ contactIds: [4] });
    // WhatsApp is queued for 3, so its missing email is no skip.
    expect(problem(r, 'missing_address', '', 'email')).toBeUndefined();

    const emailOnly = await lint(rig, reviewDraft(rig, 'email'));
    expect(emailOnly.problems.map((p) => [p.code, p.channel, p.contactIds])).toEqual([
      ['missing_address', 'email', [3]],
    ]);
  });

  it('reports a missing attachment as a rendering problem', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herald-att-'));
    try {
      writeFileSync(join(folder, 'a.pdf'), 'pdf');
      setContacts(rig, [
        { firstName: 'A', email: 'a@example.com', attributes: { file: 'a.pdf' } },
        { firstName: 'B', email: 'b@example.com', attributes: { file: 'gone.pdf' } },
      ]);
      const draft = reviewDraft(rig, 'email', { attachmentColumn: 'file', attachmentFolder: folder });
      const r = await lint(rig, draft);
      expect(problem(r, 'render_problem', 'email.attachment')).toMatchObject({ contactIds: [2], count: 1 });
      expect(problem(r, 'render_problem', 'email.attachment')!.example).toContain('gone.pdf');
      expect(r.blockingRecipients).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a draft that cannot be sent at all, with the reason', async () => {
    const draft = reviewDraft(rig, 'whatsapp', { parameters: { 'body.1': 'x' } });
    const res = await rig.app.dispatch('review:lint', { draft, lintId: 'bad' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('review:lint runs', () => {
  const many = (n: number): ReviewContact[] =>
    Array.from({ length: n }, (_, i) => ({
      firstName: i % 10 === 0 ? null : `N${i}`,
      email: `u${i}@example.com`,
      phone: `+4477009${String(i).padStart(5, '0')}`,
      whatsappConsent: 'granted',
    }));

  it('sends progress events up to the total and lints every recipient', async () => {
    setContacts(rig, many(3000));
    const events: LintProgress[] = [];
    const off = rig.app.events.subscribe((e, p) => {
      if (e === 'review:lintProgress') events.push(p as LintProgress);
    });
    const r = await lint(rig, reviewDraft(rig, 'both', { html: '<p>{{ first_name }}</p>' }), 'progress');
    off();
    expect(r.checked).toBe(3000);
    expect(problem(r, 'empty_value', 'first_name', 'email')!.contactIds).toEqual(
      Array.from({ length: 300 }, (_, k) => k * 10 + 1),
    );
    expect(events[0]).toEqual({ lintId: 'progress', checked: 0, total: 3000 });
    expect(events.at(-1)).toEqual({ lintId: 'progress', checked: 3000, total: 3000 });
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.checked).toBeGreaterThanOrEqual(events[i - 1]!.checked);
  });

  it('stops on review:lintCancel and when a newer lint starts', async () => {
    setContacts(rig, many(20_000));
    const draft = reviewDraft(rig, 'both');
    const first = rig.app.dispatch('review:lint', { draft, lintId: 'a' });
    const cancel = await rig.call('review:lintCancel', { lintId: 'a' });
    expect(cancel).toEqual({ cancelled: true });
    const a = await first;
    if (!a.ok) throw new Error(a.error.message);
    const report = a.value as LintReport;
    expect(report).toMatchObject({ lintId: 'a', cancelled: true, total: 20_000 });
    expect(report.checked).toBeLessThan(20_000);
    expect(await rig.call('review:lintCancel', { lintId: 'a' })).toEqual({ cancelled: false });

    const older = rig.app.dispatch('review:lint', { draft, lintId: 'b' });
    const newer = lint(rig, draft, 'c');
    expect(await older).toMatchObject({ ok: true, value: { lintId: 'b', cancelled: true } });
    expect(await newer).toMatchObject({ lintId: 'c', cancelled: false, checked: 20_000 });
  });
});
