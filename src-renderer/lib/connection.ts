import { create } from 'zustand';

/** State of the link to the main process. Electron IPC is always `open`; the WebSocket may drop. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** Connection state shown by the banner and watched by views that must refetch after a reconnect. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** When the next automatic attempt starts (ms since epoch), while `closed`. */
  retryAt: number | null;
  /** The backoff delay (ms) that led to `retryAt`; bounds the countdown before the clock ticks. */
  retryDelayMs: number | null;
  /** Why connecting cannot work as things stand (for example a missing access token), else null. */
  problem: string | null;
  /** Counts successful (re)connections; a change means pushed events may have been missed. */
  generation: number;
  /** Starts a connection attempt now instead of waiting for the backoff timer. */
  retryNow: () => void;
}

/** The connection store; written only by the transport in lib/ws-transport.ts. */
export const useConnection = create<ConnectionState>(() => ({
  status: 'open',
  retryAt: null,
  retryDelayMs: null,
  problem: null,
  generation: 0,
  retryNow: () => {},
}));
