/**
 * The renderer's only door to the main process (contextIsolation + sandbox): `window.herald`, a
 * TransportBridge limited to the contract's request channels and event names. Built as CommonJS
 * (out/preload/index.cjs) because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, requestSchemas, type TransportBridge } from '../contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../transport/electron-ipc';

const channels = new Set<string>(Object.keys(requestSchemas));
const eventNames = new Set<string>(EVENT_NAMES);

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC subscription fans out to the page's listeners, so the page never sees IpcRendererEvent
// (which would hand it `sender`, i.e. ipcRenderer itself).
ipcRenderer.on(EVENT_CHANNEL, (_e: IpcRendererEvent, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string') return;
  for (const listener of listeners.get(event) ?? []) listener(payload);
});

const bridge: TransportBridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: `No such request: ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  on(event: string, listener: Listener): () => void {
    if (typeof event !== 'string' || !eventNames.has(event))
      throw new Error(`No such event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('on(event, listener): listener must be a function');
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('herald', bridge);
