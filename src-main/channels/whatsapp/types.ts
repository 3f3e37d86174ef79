import type { OutcomeHints } from '../../sending/types';
/**
 * Shapes of the WhatsApp Cloud API client. Facts come from /work/shared/whatsapp-cloud-api.md,
 * which summarises Meta's pages "Send messages", "Error codes", "Template management".
 */

/** Where and as whom the client talks to the Cloud API. */
export interface CloudApiConfig {
  /** Origin without version, e.g. `https://graph.facebook.com` (tests: a loopback fake). */
  baseUrl: string;
  /** Graph API version such as `v24.0`. */
  graphVersion: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  /** Per-request timeout in ms, covering connect, headers and body; default 15 000. */
  timeoutMs?: number;
  /** Keep-alive connections to the API at most (the pool bound); default 32. */
  maxSockets?: number;
  /** Requests allowed to wait for a free connection before new ones are refused; default 256. */
  maxQueued?: number;
}

/**
 * What the campaign runner does with a failed send (whatsapp-cloud-api.md, "Errors"):
 * RETRY the same message later with backoff; PAUSE the campaign until the user fixes something;
 * TEMPLATE: the template/payload is wrong, stop the campaign; FAIL this recipient only, never retry.
 */
export type ErrorAction = 'RETRY' | 'PAUSE' | 'TEMPLATE' | 'FAIL';

/** Who a RETRY's backoff applies to. */
export type RetryScope = NonNullable<OutcomeHints['retryScope']>;

/**
 * Finer advice attached to a classification (every field optional): the send engine's OutcomeHints
 * (sending/types.ts), which the error table fills per code (e.g. 130429 → whole channel, 131056 → this
 * recipient 4^n s, 131057 → at least 60 s, 131026 → email fallback, 131050 → suppress), plus:
 */
export type ErrorHints = OutcomeHints & {
  /** FAIL: the free-form message needs resending as a template (131047). */
  resendAsTemplate?: boolean;
};

/** A Cloud API failure, classified for the campaign runner and worded for the user. */
export interface ClassifiedError {
  action: ErrorAction;
  /** Meta `error.code`; -1 for network/timeout, -2 for an unparseable response. */
  code: number;
  subcode?: number;
  /** Meta's `error.message` (or the network error's message). */
  metaMessage: string;
  /** Meta's `error.error_data.details` when present. */
  details?: string;
  /** Says what to fix, e.g. "The access token expired: paste a new one in Settings." */
  userMessage: string;
  httpStatus?: number;
  fbtraceId?: string;
  hints?: ErrorHints;
}

/** Outcome of `POST /{phone-number-id}/messages`: accepted (not delivered) or a classified error. */
export type SendResult =
  | { ok: true; wamid: string; messageStatus: string | null; waId: string | null }
  | { ok: false; error: ClassifiedError };

/** The business phone number as read from `GET /{phone-number-id}?fields=…`. */
export interface PhoneNumberInfo {
  id: string;
  verifiedName: string;
  displayPhoneNumber: string;
  /** GREEN | YELLOW | RED | UNKNOWN. */
  qualityRating: string;
  /** `whatsapp_business_manager_messaging_limit` (v24.0+), else `messaging_limit_tier`; e.g. TIER_250. */
  messagingLimit: string | null;
  /** `throughput.level`: STANDARD | HIGH. */
  throughputLevel: string | null;
  /** `health_status` ({can_send_message, entities[]}); null when Meta did not return it. */
  healthStatus: HealthStatus | null;
  /** `status` of the number (CONNECTED, FLAGGED, RESTRICTED, …), `code_verification_status`, `name_status`. */
  status: string | null;
  codeVerificationStatus: string | null;
  nameStatus: string | null;
}

/** AVAILABLE: can send; LIMITED: can send with limits; BLOCKED: cannot send (Meta "Health status"). */
export type CanSendMessage = 'AVAILABLE' | 'LIMITED' | 'BLOCKED';

/** One node of `health_status.entities` (PHONE_NUMBER, WABA, BUSINESS, APP) with its blocking errors. */
export interface HealthEntity {
  entityType: string;
  id: string;
  canSendMessage: CanSendMessage | string;
  errors: { errorCode: number | null; description: string; possibleSolution: string | null }[];
}

/** `health_status` of the phone number: the overall verdict and each entity's ("Health status" API). */
export interface HealthStatus {
  canSendMessage: CanSendMessage | string;
  entities: HealthEntity[];
}

/** Answer of `POST /{phone-number-id}/media`: the media id to put in a header (valid 30 days per Meta). */
export interface UploadedMedia {
  id: string;
}

/** A button of a template's BUTTONS component (URL, QUICK_REPLY, PHONE_NUMBER, COPY_CODE, …). */
export interface RemoteTemplateButton {
  type: string;
  text: string;
  url?: string;
  phone_number?: string;
  /** URL buttons: the full example URL(s) with `{{1}}` filled. */
  example?: string[] | string;
  [key: string]: unknown;
}

/** `example` of a HEADER or BODY component. */
export interface RemoteTemplateExample {
  header_text?: string[];
  header_handle?: string[];
  body_text?: string[][];
  header_text_named_params?: { param_name: string; example: string }[];
  body_text_named_params?: { param_name: string; example: string }[];
  [key: string]: unknown;
}

/** One component of a template: HEADER (format TEXT/IMAGE/VIDEO/DOCUMENT/LOCATION), BODY, FOOTER, BUTTONS. */
export interface RemoteTemplateComponent {
  type: string;
  format?: string;
  text?: string;
  example?: RemoteTemplateExample;
  buttons?: RemoteTemplateButton[];
  [key: string]: unknown;
}

/** Meta's message template object from `GET /{waba-id}/message_templates`. */
export interface RemoteTemplate {
  id: string;
  name: string;
  language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …; only APPROVED can be sent. */
  status: string;
  /** MARKETING, UTILITY, AUTHENTICATION. */
  category: string;
  /** Absent on old templates, which are positional. */
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: RemoteTemplateComponent[];
  [key: string]: unknown;
}
