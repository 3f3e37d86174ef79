import type { Channel, LintCode, LintProblem, SkipCode } from '../contract';

/** Severity of each lint code: content problems block Send, address/consent ones skip recipients. */
export const SEVERITY: Record<LintCode, LintProblem['severity']> = {
  empty_value: 'blocking',
  leftover_placeholder: 'blocking',
  whatsapp_parameter: 'blocking',
  render_problem: 'blocking',
  missing_address: 'skip',
  invalid_address: 'skip',
  no_consent: 'skip',
  suppressed: 'skip',
  duplicate_address: 'skip',
  same_content_both: 'warning',
  no_opt_in_recorded: 'warning',
};

/** The planning skip codes the lint reports, as lint codes (the others are not problems). */
export const SKIP_LINT: Partial<Record<SkipCode, LintCode>> = {
  no_address: 'missing_address',
  invalid_address: 'invalid_address',
  no_consent: 'no_consent',
  suppressed: 'suppressed',
  duplicate: 'duplicate_address',
};

/**
 * A lint subject in the user's words: `email.subject` → "email subject", `body.2` → "WhatsApp body
 * {{2}}", `button.0.1` → "WhatsApp button 1 {{1}}", `header.media` → "WhatsApp header media".
 */
export function subjectWords(subject: string): string {
  const fixed: Record<string, string> = {
    'email.subject': 'email subject',
    'email.html': 'email body',
    'email.text': 'email text part',
    'email.attachment': 'email attachment',
    'header.media': 'WhatsApp header media',
  };
  if (fixed[subject]) return fixed[subject];
  const button = /^button\.(\d+)\.(.+)$/.exec(subject);
  if (button) return `WhatsApp button ${Number(button[1]) + 1} {{${button[2]}}}`;
  const part = /^(header|body)\.(.+)$/.exec(subject);
  if (part) return `WhatsApp ${part[1]} {{${part[2]}}}`;
  return subject;
}

const CHANNEL: Record<Channel, string> = { email: 'email', whatsapp: 'WhatsApp' };
const ADDRESS: Record<Channel, string> = { email: 'email address', whatsapp: 'phone number' };

/**
 * The label and fix text of a problem group. `places`: where an empty value is printed
 * (`email.subject`, `body.1`, …), for `empty_value` only.
 */
export function describeProblem(
  code: LintCode,
  channel: Channel | null,
  subject: string,
  places: readonly string[] = [],
): { label: string; fix: string } {
  const ch = channel ? CHANNEL[channel] : 'message';
  const where = subjectWords(subject);
  switch (code) {
    case 'empty_value':
      return {
        label: `Empty value with no default: {{ ${subject} }} (${places.map(subjectWords).join(', ') || ch})`,
        fix: `Add a default, such as {{ ${subject} | default: "…" }}, fill in ${subject} for these contacts, or exclude them.`,
      };
    case 'leftover_placeholder':
      return {
        label: `Placeholder left in the ${where}`,
        fix: 'Check the braces of the template ({{ … }} and {% … %}) and the contact data shown in the example; then fix the template or the contacts, or exclude them.',
      };
    case 'whatsapp_parameter':
      return {
        label: `WhatsApp parameter not accepted: ${where}`,
        fix: 'WhatsApp refuses parameters that are empty, contain line breaks or tabs, or are too long: change the mapping in Content, fix these contacts, or exclude them.',
      };
    case 'render_problem':
      return {
        label: `The ${where} cannot be made for these contacts`,
        fix: 'Read the example, then fix the template, the attachment or the contacts, or exclude them.',
      };
    case 'missing_address':
      return {
        label: `No ${ADDRESS[channel ?? 'email']}: ${ch} skipped`,
        fix: `Add the ${ADDRESS[channel ?? 'email']} to these contacts, or leave them: they get no ${ch} message.`,
      };
    case 'invalid_address':
      return {
        label: `Invalid ${ADDRESS[channel ?? 'email']}: ${ch} skipped`,
        fix: `Correct the ${ADDRESS[channel ?? 'email']} of these contacts${channel === 'whatsapp' ? ' (with the country code, such as +44 7911 123456)' : ''}, or leave them: they get no ${ch} message.`,
      };
    case 'no_consent':
      return {
        label: `Declined ${ch} messages: skipped`,
        fix: `These contacts said no to ${ch} messages; they are skipped. Only change their consent if they agreed again.`,
      };
    case 'suppressed':
      return {
        label: `On the ${ch} suppression list: skipped`,
        fix: 'These addresses unsubscribed or bounced; they are skipped. Remove them from the suppression list only if they asked to get messages again.',
      };
    case 'duplicate_address':
      return {
        label: `Same ${ADDRESS[channel ?? 'email']} as another contact: ${ch} sent once`,
        fix: 'Only the first contact with this address gets the message; merge the duplicate contacts if they are the same person.',
      };
    case 'same_content_both':
      return {
        label: 'Same message by email and by WhatsApp',
        fix: 'These contacts get the same text twice. Choose “WhatsApp first, email as fallback” or write different content for each channel.',
      };
    case 'no_opt_in_recorded':
      return {
        label: 'No WhatsApp opt-in recorded',
        fix: 'WhatsApp requires that contacts agreed to get messages from you. Record their consent (import a consent column) or exclude those who did not agree.',
      };
  }
}
