import { findRule } from './error-table';
import { QUEUE_FULL } from './http';
import { GraphErrorBody } from './schemas';
import type { ClassifiedError } from './types';

/** Code for a request that got no HTTP answer (network error, timeout). */
export const NETWORK_ERROR_CODE = -1;
/** Code for an HTTP answer whose body is not the documented JSON. */
export const UNPARSEABLE_CODE = -2;

/** Context from the response that `classifyError` copies into the result. */
export interface ErrorContext {
  metaMessage?: string;
  details?: string;
  httpStatus?: number;
  fbtraceId?: string;
  /** Meta's `is_transient`: lets an unknown code be retried. */
  isTransient?: boolean;
}

/**
 * Classifies a Meta error code per the table in whatsapp-cloud-api.md ("Errors"). Unknown codes
 * are RETRY when the HTTP status is 5xx or Meta marks them transient, else FAIL. Code 100 with
 * subcode 33 ("object does not exist or missing permissions") means a wrong phone number/WABA ID,
 * a settings problem: it is classified like code 33 (PAUSE).
 */
export function classifyError(code: number, subcode?: number, context: ErrorContext = {}): ClassifiedError {
  const effective = code === 100 && subcode === 33 ? 33 : code;
  const rule = findRule(effective);
  const base = {
    code,
    ...(subcode === undefined ? {} : { subcode }),
    metaMessage: context.metaMessage ?? '',
    ...(context.details === undefined ? {} : { details: context.details }),
    ...(context.httpStatus === undefined ? {} : { httpStatus: context.httpStatus }),
    ...(context.fbtraceId === undefined ? {} : { fbtraceId: context.fbtraceId }),
  };
  if (rule) {
    return {
      ...base,
      action: rule.action,
      userMessage: rule.userMessage(effective, subcode, context.details),
      ...(rule.hints ? { hints: { ...rule.hints } } : {}),
    };
  }
  const serverSide = (context.httpStatus ?? 0) >= 500 || context.isTransient === true;
  const said = context.details ?? context.metaMessage;
  return {
    ...base,
    action: serverSide ? 'RETRY' : 'FAIL',
    userMessage: `WhatsApp answered with error ${code}${said ? `: ${said}` : ''}.`,
    ...(serverSide ? { hints: { retryScope: 'message' as const, maxAttempts: 3 } } : {}),
  };
}

/**
 * Classifies an HTTP answer that is not a success, by `error.code` (never by HTTP status: Meta has
 * documented throttling as both 429 and 400). A body without the documented error object gets code
 * -2: RETRY for 5xx/429 (typically a proxy or gateway page), else FAIL. A 2xx without a usable body
 * is FAIL with `mayHaveBeenAccepted`, because the message may have gone out.
 */
export function classifyResponse(httpStatus: number, body: unknown): ClassifiedError {
  const parsed = GraphErrorBody.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    const details = typeof e.error_data === 'string' ? e.error_data : e.error_data?.details;
    return classifyError(e.code, e.error_subcode, {
      metaMessage: e.message,
      details: details ?? e.error_user_msg,
      httpStatus,
      fbtraceId: e.fbtrace_id,
      isTransient: e.is_transient,
    });
  }
  const accepted = httpStatus >= 200 && httpStatus < 300;
  const transient = httpStatus >= 500 || httpStatus === 429;
  return {
    action: transient ? 'RETRY' : 'FAIL',
    code: UNPARSEABLE_CODE,
    metaMessage: `Unexpected HTTP ${httpStatus} response`,
    userMessage: accepted
      ? 'WhatsApp answered in an unexpected format; the message may have been sent. Check before resending.'
      : `The server at the WhatsApp base URL answered HTTP ${httpStatus} in an unexpected format: ` +
        'check the base URL in Settings.',
    httpStatus,
    hints: accepted
      ? { mayHaveBeenAccepted: true }
      : transient
        ? { retryScope: 'channel', maxAttempts: 3 }
        : {},
  };
}

/** Node/undici error codes meaning the request never left this machine (safe to resend). */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  QUEUE_FULL,
]);

/**
 * Classifies a fetch rejection (network error or `AbortSignal.timeout`) as RETRY code -1.
 * `mayHaveBeenAccepted` is set unless the error shows the request never reached the server.
 */
export function classifyNetworkError(error: unknown, timeoutMs: number): ClassifiedError {
  const err = error instanceof Error ? error : new Error(String(error));
  const cause = (err as { cause?: unknown }).cause;
  const causeCode =
    cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
  const notSent = causeCode !== undefined && NOT_SENT_CODES.has(causeCode);
  const reason = timedOut
    ? `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
    : `${causeCode ?? err.message}${cause instanceof Error && !causeCode ? ` (${cause.message})` : ''}`;
  return {
    action: 'RETRY',
    code: NETWORK_ERROR_CODE,
    metaMessage: err.message,
    details: reason,
    userMessage: `Could not reach the WhatsApp Cloud API (${reason}): check the internet connection and the base URL in Settings.`,
    hints: { retryScope: 'channel', ...(notSent ? {} : { mayHaveBeenAccepted: true }) },
  };
}

/** Thrown by the client's non-send calls (`getPhoneNumber`, `listTemplates`, `uploadMedia`) with the classification. */
export class CloudApiError extends Error {
  constructor(public readonly classified: ClassifiedError) {
    super(classified.userMessage);
    this.name = 'CloudApiError';
  }
}
