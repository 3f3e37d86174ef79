import { notifications } from '@mantine/notifications';
import type { AppErrorShape } from '../../src-main/contract';

/** Field path (`phoneNumberId`, `email.subject`) → message to show under that field. */
export type FieldErrors = Record<string, string>;

function detailList(error: AppErrorShape): { path: string; message: string }[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * Maps the `details: {path, message}[]` of an `invalid_input` error to field messages. `prefix`
 * (such as `draft.`) is removed from paths first. Empty for any other error code.
 */
export function fieldErrorsOf(error: AppErrorShape, prefix = ''): FieldErrors {
  if (error.code !== 'invalid_input') return {};
  const out: FieldErrors = {};
  for (const { path, message } of detailList(error)) {
    const key = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    out[key] ??= message;
  }
  return out;
}

/** The words to show for an error: the field messages of invalid input, else the message as is. */
export function describeError(error: AppErrorShape): string {
  const details = detailList(error);
  return details.length ? details.map((d) => d.message).join(' ') : error.message;
}

/** Shows an error as a red toast. */
export function notifyError(title: string, error: AppErrorShape): void {
  notifications.show({ color: 'red', title, message: describeError(error), autoClose: 8000 });
}

/** Shows a success toast. */
export function notifySuccess(title: string, message?: string): void {
  notifications.show({ color: 'teal', title, message: message ?? '', autoClose: 4000 });
}
