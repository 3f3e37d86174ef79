import type { RequestInput } from '../../../../src-main/contract';
import { modeSendsEmail, modeSendsWhatsApp } from '../labels';
import { emailDraftExtras } from './EmailExtrasStore';
import { type ComposerState, type DraftFields, selectedTemplate } from './store';
import { whatsappDraftExtras } from './WhatsAppExtrasStore';

/** A CampaignDraft as requests take it (defaults may be left out). */
export type DraftInput = RequestInput<'campaigns:create'>;

/**
 * The CampaignDraft to send. For previews, lint and plans a missing name is filled in, because the
 * name does not change how messages render and the user should not have to name a campaign first.
 */
export function buildDraft(s: DraftFields, forPreview = false): DraftInput {
  const name = s.name.trim() || (forPreview ? 'Preview' : '');
  return {
    name,
    channelMode: s.channelMode,
    audience: s.audience,
    email: modeSendsEmail(s.channelMode)
      ? { subject: s.subject, html: s.html, ...emailDraftExtras() }
      : undefined,
    whatsapp:
      modeSendsWhatsApp(s.channelMode) && s.templateId !== null
        ? { templateId: s.templateId, parameters: s.parameters, ...whatsappDraftExtras() }
        : undefined,
  };
}

/** What still stops the draft from being created, in words (empty when it can be). */
export function draftProblems(s: ComposerState): string[] {
  const problems: string[] = [];
  if (!s.name.trim()) problems.push('Give the campaign a name.');
  problems.push(...contentProblems(s));
  return problems;
}

/** What is missing in the content for the chosen channels (empty when previews and lint can run). */
export function contentProblems(s: ComposerState): string[] {
  const problems: string[] = [];
  if (modeSendsEmail(s.channelMode)) {
    if (!s.subject.trim()) problems.push('Write a subject line.');
    if (!s.html.trim()) problems.push('Write the email body.');
  }
  if (modeSendsWhatsApp(s.channelMode)) {
    const t = selectedTemplate(s);
    if (!t) problems.push('Pick an approved WhatsApp template.');
    else if (t.status !== 'APPROVED') problems.push(`The template ${t.name} is ${t.status}, not approved.`);
    else if (t.placeholders.some((p) => !p.optional && !(s.parameters[p.key] ?? '').trim())) {
      problems.push('Fill in every template parameter.');
    }
  }
  return problems;
}
