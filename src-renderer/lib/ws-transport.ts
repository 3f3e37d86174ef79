import type { AppErrorShape, Result, TransportBridge } from '../../src-main/contract';
import { useConnection } from './connection';

const TOKEN_KEY = 'herald.token';
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

/** Message of the Result every invoke gets when the socket closes before its answer arrives. */
export const LOST_CONNECTION: AppErrorShape = {
  code: 'internal',
  message: 'Lost the connection to Herald. It reconnects by itself; try again in a moment.',
};

/**
 * Reads the access token from `#token=…` (then hides it from the address bar) or, after a reload,
 * from sessionStorage, which lives only as long as this tab.
 */
function readToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Browser-mode transport: JSON text frames over `ws(s)://<host>/ws?token=…`.
 * Client → `{type:'invoke', id, channel, input}`; server → `{type:'result', id, result}` and
 * `{type:'event', event, payload}`. Reconnects with jittered exponential backoff (0.5 s … 10 s);
 * invokes in flight when the socket closes resolve to a failed Result (LOST_CONNECTION), never hang.
 */
export function createSocketTransport(): TransportBridge {
  const token = readToken();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const problem = token
    ? null
    : 'This page was opened without its access token. Open Herald from the link printed by the server.';

  function failAll(): void {
    outbox.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error: LOST_CONNECTION });
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (!isRecord(msg)) return;
    if (msg.type === 'result' && typeof msg.id === 'number') {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      resolve?.(msg.result as Result<unknown>);
    } else if (msg.type === 'event' && typeof msg.event === 'string') {
      for (const cb of listeners.get(msg.event) ?? []) {
        try {
          cb(msg.payload);
        } catch (e) {
          console.error(`Listener for ${msg.event} failed`, e);
        }
      }
    }
  }

  function scheduleReconnect(): void {
    const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    attempt += 1;
    useConnection.setState({ status: 'closed', retryAt: Date.now() + delay, retryDelayMs: delay });
    timer = setTimeout(connect, delay);
  }

  function connect(): void {
    clearTimeout(timer);
    timer = undefined;
    useConnection.setState({ status: 'connecting', retryAt: null });
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      useConnection.setState((s) => ({ status: 'open', retryAt: null, generation: s.generation + 1 }));
      for (const frame of outbox.splice(0)) ws.send(frame);
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll();
      scheduleReconnect();
    };
  }

  useConnection.setState({ problem, retryNow: () => (socket ? undefined : connect()) });
  connect();

  return {
    invoke(channel, input) {
      return new Promise<Result<unknown>>((resolve) => {
        const id = nextId++;
        const frame = JSON.stringify({ type: 'invoke', id, channel, input });
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else {
          outbox.push(frame);
          // A request made while waiting out the backoff is a good reason to try again now.
          if (!socket) connect();
        }
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
