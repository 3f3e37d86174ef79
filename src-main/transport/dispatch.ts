import type { z } from 'zod';
import {
  AppError,
  type ParsedInput,
  type RequestChannel,
  type RequestOutput,
  type Result,
  requestSchemas,
} from '../contract';

/** One handler per request channel, receiving the parsed input. */
export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => Promise<RequestOutput<C>> | RequestOutput<C>;
};

/** Called with errors that are not AppErrors (bugs, I/O failures) so they reach the log. */
export type InternalErrorSink = (channel: string, error: unknown) => void;

/** Formats zod issues as `field.path: message` lines, naming the field the user must fix. */
export function describeIssues(channel: string, error: z.ZodError): AppError {
  const details = error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.message,
  }));
  const message = `${channel}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`;
  return new AppError('invalid_input', message, details);
}

/**
 * The single entry of every transport: validates `input` (from `unknown`) against the channel's zod
 * schema, calls the handler and wraps the outcome in a Result. Never throws.
 */
export function createDispatcher(handlers: Handlers, onInternalError: InternalErrorSink = () => {}) {
  return async function dispatch(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(requestSchemas, channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `No such request: ${channel}` } };
    }
    const c = channel as RequestChannel;
    const parsed = requestSchemas[c].safeParse(input ?? {});
    if (!parsed.success) {
      const e = describeIssues(c, parsed.error);
      return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    }
    try {
      const handler = handlers[c] as (i: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      if (e instanceof AppError) {
        return {
          ok: false,
          error:
            e.details === undefined
              ? { code: e.code, message: e.message }
              : { code: e.code, message: e.message, details: e.details },
        };
      }
      onInternalError(c, e);
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;

/** The handlers of one domain prefix, e.g. `HandlersFor<'settings'>` for every `settings:*` channel. */
export type HandlersFor<P extends string> = Pick<Handlers, Extract<keyof Handlers, `${P}:${string}`>>;
