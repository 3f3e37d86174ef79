import type { ErrorAction, ErrorHints } from './types';

/**
 * One row of the error table in whatsapp-cloud-api.md ("Errors", after Meta's "Error codes" page):
 * the codes it covers, what to do, and what to tell the user (`details` is Meta's error_data.details).
 */
export interface ErrorRule {
  codes: readonly number[] | ((code: number) => boolean);
  action: ErrorAction;
  userMessage: (code: number, subcode: number | undefined, details: string | undefined) => string;
  hints?: ErrorHints;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const withDetails = (text: string, details: string | undefined): string =>
  details ? `${text} Meta says: ${details}` : text;
const fixed = (text: string) => () => text;

const TOKEN_HELP = 'paste a new one (a System User token with whatsapp_business_messaging) in Settings.';
const PERMISSION_HELP =
  'The access token lacks a permission for this phone number or WhatsApp Business Account: grant ' +
  'whatsapp_business_messaging and whatsapp_business_management to the System User in Business Settings, ' +
  'then paste the new token in Settings.';
const ACCOUNT_QUALITY = 'check Account Quality in WhatsApp Manager, then resume the campaign.';

/** Per-code account problems of the PAUSE row "account restricted / payment / registration". */
const ACCOUNT_MESSAGES: Record<number, string> = {
  131064: `The WhatsApp Business Account is restricted from sending: ${ACCOUNT_QUALITY}`,
  368: `The account is temporarily blocked for policy violations: ${ACCOUNT_QUALITY}`,
  131031: `The WhatsApp Business Account is locked: ${ACCOUNT_QUALITY}`,
  131042: 'WhatsApp reports a payment problem: add or fix the payment method in Business Settings → Billing.',
  131045:
    'The phone number is not correctly registered (certificate error): register it again in WhatsApp Manager.',
  133010: 'The phone number is not registered with the Cloud API: register it in WhatsApp Manager.',
  33: 'The phone number ID or WABA ID does not exist or the access token cannot reach it: check both IDs in Settings.',
};

/** Per-code texts of the TEMPLATE row "bad parameter / count / format". */
const PARAMETER_MESSAGES: Record<number, string> = {
  100: 'Meta rejected a parameter of the message: check the template variables and the WhatsApp settings.',
  131008: 'A required parameter is missing: give every template variable (and header media) a value.',
  131009: 'A parameter value is not valid: check the values mapped to the template variables.',
  132000: 'The number of variables sent does not match the template: sync templates and map every variable.',
  132012:
    'A variable does not match the format the template expects (e.g. a missing header image): fix the mapping.',
  131051: 'WhatsApp does not support this message type: send an approved template.',
  132005: 'The template text with the values filled in is too long: shorten the values.',
  132018:
    'A value contains a line break, a tab or more than 4 spaces in a row, which WhatsApp refuses: clean the data.',
};

const parameterMessage = (code: number, _s: number | undefined, details: string | undefined): string =>
  withDetails(PARAMETER_MESSAGES[code] ?? 'Meta rejected a parameter of the message.', details);

/** The table, first match wins. 132018 is not in the doc's table: Meta returns it for a bad value. */
export const ERROR_RULES: readonly ErrorRule[] = [
  {
    codes: [0, 190],
    action: 'PAUSE',
    userMessage: (_c, subcode) =>
      subcode === 463
        ? `The access token expired: ${TOKEN_HELP}`
        : subcode === 460
          ? `The access token was revoked (the password changed): ${TOKEN_HELP}`
          : `The access token is invalid: ${TOKEN_HELP}`,
  },
  {
    codes: [1, 131000],
    action: 'RETRY',
    userMessage: (_c, _s, d) => withDetails('Meta reported an unknown error; Herald retries a few times.', d),
    hints: { retryScope: 'message', maxAttempts: 3 },
  },
  {
    codes: [2, 131016],
    action: 'RETRY',
    userMessage: fixed('The WhatsApp Cloud API is temporarily unavailable; Herald retries with backoff.'),
    hints: { retryScope: 'channel' },
  },
  {
    codes: (c) => c === 3 || c === 10 || (c >= 200 && c <= 299) || c === 131005,
    action: 'PAUSE',
    userMessage: fixed(PERMISSION_HELP),
  },
  {
    codes: [4],
    action: 'RETRY',
    userMessage: fixed('This app made too many API calls; Herald waits and retries.'),
    hints: { retryScope: 'app' },
  },
  {
    codes: [80007],
    action: 'RETRY',
    userMessage: fixed('The WhatsApp Business Account hit its rate limit; Herald waits and retries.'),
    hints: { retryScope: 'account' },
  },
  {
    codes: [130429],
    action: 'RETRY',
    userMessage: fixed("The phone number's throughput limit was reached; Herald slows down and retries."),
    hints: { retryScope: 'channel' },
  },
  {
    codes: [131056],
    action: 'RETRY',
    userMessage: fixed('Too many messages to this contact in a short time; Herald retries later.'),
    hints: { retryScope: 'recipient', backoffBaseMs: 4000, backoffFactor: 4 },
  },
  {
    codes: [131057],
    action: 'RETRY',
    userMessage: fixed('The WhatsApp Business Account is in maintenance; Herald retries in about a minute.'),
    hints: { retryScope: 'channel', minDelayMs: 60_000 },
  },
  {
    codes: [131048],
    action: 'PAUSE',
    userMessage: fixed(
      'WhatsApp limited sending because recipients marked messages as spam: check the quality rating in ' +
        'WhatsApp Manager before resuming.',
    ),
  },
  {
    codes: [131064, 368, 131031, 131042, 131045, 133010, 33],
    action: 'PAUSE',
    userMessage: (c) => ACCOUNT_MESSAGES[c] ?? `WhatsApp restricted the account: ${ACCOUNT_QUALITY}`,
  },
  {
    codes: [100, 131008, 132000, 132012, 131051, 132005],
    action: 'TEMPLATE',
    userMessage: parameterMessage,
  },
  {
    // A value of one contact can cause these: the runner FAILs that row when other rows succeed.
    codes: [131009, 132018],
    action: 'TEMPLATE',
    userMessage: parameterMessage,
    hints: { mayBeRecipientSpecific: true },
  },
  {
    codes: [132001],
    action: 'TEMPLATE',
    userMessage: fixed(
      'The template does not exist in this language or is not approved: sync templates and pick an APPROVED one.',
    ),
  },
  {
    codes: [132007],
    action: 'TEMPLATE',
    userMessage: fixed(
      'The template breaks a WhatsApp policy: edit it in WhatsApp Manager and submit it again.',
    ),
  },
  {
    codes: [132015],
    action: 'TEMPLATE',
    userMessage: fixed(
      'The template is paused because of low quality: edit it in WhatsApp Manager or pick another.',
    ),
  },
  {
    codes: [132016],
    action: 'TEMPLATE',
    userMessage: fixed('The template was disabled for repeated low quality: create a new template.'),
  },
  {
    codes: [131053],
    action: 'TEMPLATE',
    userMessage: (_c, _s, d) =>
      withDetails('The header media could not be processed: use JPEG/PNG ≤ 5 MB or a reachable link.', d),
    hints: { mayBeRecipientSpecific: true },
  },
  {
    codes: [131021],
    action: 'FAIL',
    userMessage: fixed('The contact is the sending business number itself.'),
  },
  {
    codes: [131026],
    action: 'FAIL',
    userMessage: fixed('Undeliverable: the number may not use WhatsApp or runs an old app version.'),
    hints: { emailFallback: true },
  },
  {
    codes: [131047],
    action: 'FAIL',
    userMessage: fixed(
      'More than 24 hours passed since the contact last wrote: send an approved template instead.',
    ),
    hints: { resendAsTemplate: true },
  },
  {
    codes: [131049],
    action: 'FAIL',
    userMessage: fixed(
      "WhatsApp held back this marketing message to protect the contact's experience; do not resend for 24 hours.",
    ),
    hints: { noResendForMs: DAY_MS },
  },
  {
    codes: [131050],
    action: 'FAIL',
    userMessage: fixed('The contact turned off marketing messages from this business.'),
    hints: { suppressMarketing: true },
  },
  {
    codes: [130472],
    action: 'FAIL',
    userMessage: fixed(
      "The contact's number is part of a WhatsApp marketing experiment; not sent and not charged.",
    ),
  },
  {
    codes: [130497],
    action: 'FAIL',
    userMessage: fixed("The business may not message users in this contact's country."),
  },
  {
    codes: [135000],
    action: 'FAIL',
    userMessage: (_c, _s, d) =>
      withDetails('Meta reported a generic error; if it repeats, check the template.', d),
    hints: { escalateIfRepeated: true },
  },
];

/** Finds the first rule covering `code`; undefined for codes not in the table. */
export function findRule(code: number): ErrorRule | undefined {
  return ERROR_RULES.find((r) => (typeof r.codes === 'function' ? r.codes(code) : r.codes.includes(code)));
}
