import { htmlToText } from '../channels/email/compose';
import type { Channel, ChannelMode, LintCode } from '../contract';
import { type AudienceRow, type PlannedRow, planFallbackEmail } from '../sending/outbox';
import type { PreparedCampaign, RenderContact } from '../sending/render';
import { contactVariables } from '../templates/contact-variables';
import { type RenderedEmail, type TemplateRenderer, renderEmail } from '../templates/email-render';
import { renderTemplate } from '../templates/liquid';
import { UNSUBSCRIBE_VARIABLE } from '../templates/email-unsubscribe';
import { type RenderedWhatsApp, previewWhatsApp, renderWhatsApp } from '../templates/wa-render';
import { SKIP_LINT } from './lint-labels';
import { isBlank, unguardedVariables } from './unguarded';

/** One problem of one recipient. `places`: where an empty value is printed (`empty_value`). */
export interface Finding {
  code: LintCode;
  channel: Channel | null;
  subject: string;
  example: string | null;
  places?: string[];
}

/** A recipient as the lint sees it: the planning columns, the rendering fields and the language. */
export interface LintRecipient {
  row: AudienceRow;
  contact: RenderContact;
  language: string | null;
}

/** Every column of a contact (`SELECT c.*`) with its suppression reasons (SUPPRESSION_REASONS). */
export type ContactRow = AudienceRow & {
  first_name: string | null;
  last_name: string | null;
  language: string | null;
  attributes: string;
};

/**
 * The recipient a contact row stands for. Attributes are read as the runner reads them
 * (sending/claim.ts: JSON.parse); a damaged column counts as no attributes.
 */
export function lintRecipient(row: ContactRow): LintRecipient {
  let attributes: Record<string, string> = {};
  try {
    attributes = JSON.parse(row.attributes) as Record<string, string>;
  } catch {
    // left empty
  }
  return {
    row,
    language: row.language,
    contact: {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      attributes,
    },
  };
}

/** A prepared campaign plus what the lint derives from it once (the static analysis). */
export interface LintContext {
  prepared: PreparedCampaign;
  mode: ChannelMode;
  render: TemplateRenderer;
  /** Bare email variables and where they are printed (`email.subject`, `email.html`). */
  emailBare: Map<string, string[]>;
  /** Bare variables of each WhatsApp parameter mapping, by placeholder key. */
  whatsappBare: Map<string, string[]>;
}

/** What one recipient gets (rendered as the runner would) and its problems. */
export interface RecipientCheck {
  findings: Finding[];
  email: RenderedEmail | null;
  whatsapp: RenderedWhatsApp | null;
}

/** Derives the static analysis of a prepared campaign; `render` may be a RenderCache's. */
export function lintContext(
  prepared: PreparedCampaign,
  render: TemplateRenderer = renderTemplate,
): LintContext {
  const emailBare = new Map<string, string[]>();
  if (prepared.email) {
    for (const [place, t] of [
      ['email.subject', prepared.email.subject],
      ['email.html', prepared.email.html],
    ] as const)
      for (const name of unguardedVariables(t))
        // The unsubscribe link is always set (renderEmail binds it), never empty.
        if (name !== UNSUBSCRIBE_VARIABLE) emailBare.set(name, [...(emailBare.get(name) ?? []), place]);
  }
  const whatsappBare = new Map<string, string[]>();
  for (const [key, t] of prepared.whatsapp?.params ?? []) {
    const names = unguardedVariables(t);
    if (names.length > 0) whatsappBare.set(key, names);
  }
  return { prepared, mode: prepared.draft.channelMode, render, emailBare, whatsappBare };
}

const LEFTOVER = /\{\{|\}\}|\{%|%\}/;

/**
 * The text around a leftover `{{`, `}}`, `{%` or `%}` in rendered text, or null when there is none.
 * In HTML, `<style>` blocks and comments are left out: minified CSS has `}}` of its own.
 */
export function leftoverAt(text: string, html = false): string | null {
  if (!LEFTOVER.test(text)) return null;
  const t = html ? text.replace(/<style\b[\s\S]*?<\/style>/gi, '').replace(/<!--[\s\S]*?-->/g, '') : text;
  const m = LEFTOVER.exec(t);
  if (!m) return null;
  return t.slice(Math.max(0, m.index - 30), m.index + 32).replace(/\s+/g, ' ');
}

/** The code points of JavaScript's `\s`. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `a` and `b` read the same once whitespace runs are one space and the ends are trimmed
 * (`a.replace(/\s+/g, ' ').trim() === b.replace(…)`), stopping at the first difference: an email body
 * is long and nearly always differs from the WhatsApp text within a few characters.
 */
export function sameText(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let first = true;
  for (;;) {
    const fromA = i;
    const fromB = j;
    while (i < a.length && isSpace(a.charCodeAt(i))) i += 1;
    while (j < b.length && isSpace(b.charCodeAt(j))) j += 1;
    const endA = i >= a.length;
    const endB = j >= b.length;
    if (endA || endB) return endA && endB;
    // Between words, a run of whitespace on one side must be one on the other (the ends are trimmed).
    if (!first && i > fromA !== j > fromB) return false;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    first = false;
    i += 1;
    j += 1;
  }
}

function emailGoes(mode: ChannelMode, row: AudienceRow, planned: PlannedRow[]): boolean {
  if (planned.some((r) => r.channel === 'email' && r.state === 'queued')) return true;
  // WhatsApp first: the email goes when WhatsApp fails for good, so its content must be right too.
  const waQueued = planned.some((r) => r.channel === 'whatsapp' && r.state === 'queued');
  return (
    mode === 'whatsapp_then_email' &&
    waQueued &&
    planFallbackEmail(row.email, row.email_consent, row.email_suppressed).state === 'queued'
  );
}

function emailFindings(ctx: LintContext, vars: Record<string, string>, e: RenderedEmail): Finding[] {
  const out: Finding[] = e.issues.map((i) => ({
    code: i.code,
    channel: 'email',
    subject: i.subject,
    example: i.message,
  }));
  for (const [name, places] of ctx.emailBare)
    if (isBlank(vars, name))
      out.push({ code: 'empty_value', channel: 'email', subject: name, example: null, places });
  for (const [subject, text, html] of [
    ['email.subject', e.subject, false],
    ['email.html', e.html, true],
  ] as const) {
    const at = leftoverAt(text, html);
    if (at !== null) out.push({ code: 'leftover_placeholder', channel: 'email', subject, example: at });
  }
  return out;
}

function whatsappFindings(ctx: LintContext, vars: Record<string, string>, w: RenderedWhatsApp): Finding[] {
  const out: Finding[] = [];
  const emptied = new Set<string>();
  for (const p of w.template.placeholders) {
    // An optional parameter (quick-reply payload) rendered empty is simply not sent: not a finding.
    for (const name of p.optional ? [] : (ctx.whatsappBare.get(p.key) ?? [])) {
      if (!isBlank(vars, name)) continue;
      emptied.add(p.key);
      out.push({ code: 'empty_value', channel: 'whatsapp', subject: name, example: null, places: [p.key] });
    }
    const value = w.values[p.key];
    const at = p.media || value === undefined ? null : leftoverAt(value);
    if (at !== null)
      out.push({ code: 'leftover_placeholder', channel: 'whatsapp', subject: p.key, example: at });
  }
  // An empty value already says why the parameter is empty: Meta's "empty parameter" would repeat it.
  for (const i of w.issues)
    if (!(i.code === 'whatsapp_parameter' && emptied.has(i.subject)))
      out.push({ code: i.code, channel: 'whatsapp', subject: i.subject, example: i.message });
  return out;
}

/** The first character that is not whitespace, or -1. */
function firstVisible(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

const BRACE = '{'.charCodeAt(0);

/**
 * The WhatsApp text (squashed, ≤ 120 characters) when the email's plain text reads the same, else
 * null. When the template body starts with text, an email text starting otherwise is told apart
 * without filling in the body.
 */
function sameContent(ctx: LintContext, email: RenderedEmail, whatsapp: RenderedWhatsApp): string | null {
  if (!ctx.prepared.whatsapp) return null;
  const lead = firstVisible(whatsapp.template.body);
  if (email.text !== undefined && lead !== BRACE && firstVisible(email.text) !== lead) return null;
  const body = previewWhatsApp(ctx.prepared.whatsapp, whatsapp).body;
  if (body.trim() === '' || !sameText(email.text ?? htmlToText(email.html), body)) return null;
  return body.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/**
 * Checks one recipient against the lint rules, given its planned rows (planContact): per-channel
 * skips, then for each channel that will be sent its rendering (renderEmail / renderWhatsApp, as the
 * runner) — rendering problems, empty values, leftover placeholders — and the warnings (same content
 * on both channels, no WhatsApp opt-in). `renderAll` also renders the channels the mode uses that
 * are skipped (the preview shows them); their problems are not findings.
 */
export function checkRecipient(
  ctx: LintContext,
  r: LintRecipient,
  planned: PlannedRow[],
  renderAll = false,
): RecipientCheck {
  const findings: Finding[] = [];
  for (const p of planned) {
    const code = p.state === 'skipped' && p.skipCode ? SKIP_LINT[p.skipCode] : undefined;
    if (code) findings.push({ code, channel: p.channel, subject: '', example: p.address });
  }
  const { prepared, mode } = ctx;
  const vars = contactVariables(r.contact);
  const sendEmail = prepared.email !== null && emailGoes(mode, r.row, planned);
  const sendWhatsApp =
    prepared.whatsapp !== null && planned.some((p) => p.channel === 'whatsapp' && p.state === 'queued');
  const showEmail = sendEmail || (renderAll && mode !== 'whatsapp' && !!r.contact.email);
  const showWhatsApp = sendWhatsApp || (renderAll && mode !== 'email' && !!r.contact.phone);
  const email = showEmail && prepared.email ? renderEmail(prepared.email, vars, ctx.render) : null;
  const whatsapp =
    showWhatsApp && prepared.whatsapp
      ? renderWhatsApp(prepared.whatsapp, vars, { language: r.language, render: ctx.render })
      : null;
  if (sendEmail && email) findings.push(...emailFindings(ctx, vars, email));
  if (sendWhatsApp && whatsapp) {
    findings.push(...whatsappFindings(ctx, vars, whatsapp));
    if (r.row.whatsapp_consent === null)
      findings.push({ code: 'no_opt_in_recorded', channel: 'whatsapp', subject: '', example: null });
  }
  const bothQueued =
    mode === 'both' && planned.filter((p) => p.state === 'queued').length === 2 && email && whatsapp;
  if (bothQueued && email.problems.length === 0 && whatsapp.problems.length === 0) {
    const same = sameContent(ctx, email, whatsapp);
    if (same !== null)
      findings.push({ code: 'same_content_both', channel: null, subject: '', example: same });
  }
  return { findings, email, whatsapp };
}
