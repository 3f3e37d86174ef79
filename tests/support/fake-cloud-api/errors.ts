import { randomBytes } from 'node:crypto';

/**
 * Error answers of the fake Cloud API, shaped like Meta's (whatsapp-cloud-api.md, "Errors"):
 * `{"error":{message,type,code,error_data?:{messaging_product,details},error_subcode?,fbtrace_id}}`.
 */
export interface FakeError {
  httpStatus: number;
  code: number;
  message: string;
  type?: string;
  subcode?: number;
  /** `error_data.details`; WhatsApp-specific errors carry it, Graph/OAuth ones do not. */
  details?: string;
}

/** Serialises a FakeError into Meta's JSON body with a fresh `fbtrace_id`. */
export function errorBody(e: FakeError): { error: Record<string, unknown> } {
  return {
    error: {
      message: e.message,
      type: e.type ?? 'OAuthException',
      code: e.code,
      ...(e.details === undefined
        ? {}
        : { error_data: { messaging_product: 'whatsapp', details: e.details } }),
      ...(e.subcode === undefined ? {} : { error_subcode: e.subcode }),
      fbtrace_id: randomBytes(17).toString('base64').replace(/[+/=]/g, 'A').slice(0, 23),
    },
  };
}

/** A WhatsApp error with Meta's `(#code) title` message convention. */
export const waError = (code: number, title: string, details: string, httpStatus = 400): FakeError => ({
  httpStatus,
  code,
  message: `(#${code}) ${title}`,
  details,
});

/** `(#100) …` parameter error. */
export const invalidParameter = (message: string, details?: string): FakeError => ({
  httpStatus: 400,
  code: 100,
  message: `(#100) ${message}`,
  ...(details === undefined ? {} : { details }),
});

/** Graph's answer for an object id this token cannot see, or an edge/method it does not support. */
export const unsupportedRequest = (method: string, id: string): FakeError => ({
  httpStatus: 400,
  code: 100,
  subcode: 33,
  type: 'GraphMethodException',
  message:
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to ` +
    'missing permissions, or does not support this operation. Please read the Graph API documentation at ' +
    'https://developers.facebook.com/docs/graph-api',
});

/** 190 for a token that never was valid; 190/463 for one that was replaced (expired session). */
export const tokenError = (expired: boolean): FakeError =>
  expired
    ? {
        httpStatus: 401,
        code: 190,
        subcode: 463,
        message:
          'Error validating access token: Session has expired. The current time is later than the expiry time.',
      }
    : { httpStatus: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' };

/** The documented 130429 answer (whatsapp-cloud-api.md); Meta has shown it with HTTP 400 and 429. */
export const throughputError = (httpStatus: 400 | 429): FakeError => ({
  ...waError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.', httpStatus),
  subcode: 2494055,
});

/** Titles and details Meta uses for per-recipient and account errors, for configured outcomes. */
const CATALOG: Record<number, [title: string, details: string, httpStatus?: number]> = {
  1: ['An unknown error occurred', 'Invalid request or possible server error.', 500],
  2: ['Service temporarily unavailable', 'Temporary due to downtime or due to being overloaded.', 503],
  4: ['Application request limit reached', 'The app has reached its API call rate limit.'],
  80007: ['Rate limit issues', 'The WhatsApp Business Account has reached its rate limit.'],
  131000: ['Something went wrong', 'Message failed to send due to an unknown error.', 500],
  131016: ['Service unavailable', 'A service is temporarily unavailable.', 503],
  131021: ['Recipient cannot be sender', 'Sender and recipient phone number is the same.'],
  131026: ['Message undeliverable', 'Message Undeliverable.'],
  131031: ['Account has been locked', 'Business Account locked.'],
  131042: ['Business eligibility payment issue', 'There was an error related to your payment method.'],
  131047: [
    'Re-engagement message',
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  ],
  131048: [
    'Spam rate limit hit',
    'Message failed to send because there are restrictions on how many messages can be sent.',
  ],
  131049: [
    'This message was not delivered to maintain healthy ecosystem engagement.',
    'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  ],
  131050: [
    'Unable to deliver the message',
    'This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  ],
  131053: ['Media upload error', 'Unable to upload the media used in the message.'],
  131056: [
    '(Business Account, Consumer Account) pair rate limit hit',
    'Too many messages sent to this recipient.',
  ],
  131057: ['Account in maintenance mode', 'Business Account is in maintenance mode.'],
  130472: [
    "User's number is part of an experiment",
    'Failed to send message because this user is part of an experiment.',
  ],
  130497: ['Business account is restricted from messaging users in this country', 'Country restricted.'],
  132015: [
    'Template is Paused',
    'Template is paused due to low quality so it cannot be sent in a template message.',
  ],
  132016: [
    'Template is Disabled',
    'Template has been paused too many times due to low quality and is now permanently disabled.',
  ],
  135000: [
    'Generic user error',
    'Message failed to send because of an unknown error with your request parameters.',
  ],
};

/** The error Meta would answer for `code` (optionally with other details); codes outside the catalog get a generic text. */
export function catalogError(code: number, details?: string): FakeError {
  if (code === 190) return tokenError(false);
  const [title, text, status] = CATALOG[code] ?? [`Error ${code}`, `Configured outcome ${code}.`];
  return waError(code, title, details ?? text, status ?? 400);
}

/** Tells a FakeError from the value a validator returns on success. */
export function isFakeError(value: unknown): value is FakeError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'httpStatus' in value &&
    'code' in value &&
    'message' in value
  );
}
