import type {
  EventName,
  EventPayloads,
  RequestChannel,
  RequestInput,
  RequestOutput,
  Result,
  TransportBridge,
} from '../../src-main/contract';
import { createSocketTransport } from './ws-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in browser mode. */
    herald?: TransportBridge;
  }
}

function isResult(v: unknown): v is Result<unknown> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  return v.ok === true ? 'value' in v : v.ok === false && 'error' in v;
}

const bridge: TransportBridge = window.herald ?? createSocketTransport();

/**
 * The typed API of the main process. `invoke` never throws: transport failures become a Result with
 * code `internal`. `on` returns the unsubscribe function.
 */
export const api = {
  /** `electron` when the preload bridge exists, else `browser` (WebSocket). */
  mode: window.herald ? ('electron' as const) : ('browser' as const),

  async invoke<C extends RequestChannel>(
    channel: C,
    input: RequestInput<C>,
  ): Promise<Result<RequestOutput<C>>> {
    try {
      const raw = await bridge.invoke(channel, input);
      if (isResult(raw)) return raw as Result<RequestOutput<C>>;
      return {
        ok: false,
        error: { code: 'internal', message: `Herald sent an unreadable answer to ${channel}.` },
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'internal', message } };
    }
  },

  on<E extends EventName>(event: E, cb: (payload: EventPayloads[E]) => void): () => void {
    return bridge.on(event, (payload) => cb(payload as EventPayloads[E]));
  },
};
