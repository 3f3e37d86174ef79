/**
 * The answer to every request: a value, or an error the UI can show as it is.
 * `code` is machine-readable; `message` says what to fix, in the user's words.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Error codes every transport and handler may return. */
export type ErrorCode =
  | 'invalid_input' // the request failed its zod schema; details lists {path, message}
  | 'unknown_channel'
  | 'not_found'
  | 'conflict'
  | 'not_configured' // credentials or settings missing
  | 'bad_file' // an uploaded file could not be read as what it claims to be
  | 'remote_error' // SMTP server or Cloud API answered with an error
  | 'keychain_unavailable'
  | 'internal';

/** Serialisable error carried by a failed Result. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by handlers; dispatch turns it into `{ok:false,error}`. */
export class AppError extends Error implements AppErrorShape {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
