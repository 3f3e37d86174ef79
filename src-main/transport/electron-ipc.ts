import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../contract';
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';

/** IPC channel of every request: `invoke('herald:invoke', channel, input)` resolves to a Result. */
export const INVOKE_CHANNEL = 'herald:invoke';
/** IPC channel of push events: `{ event, payload }` sent to every window. */
export const EVENT_CHANNEL = 'herald:event';

/** Decides whether a frame URL is Herald's own renderer page. */
export type UrlCheck = (url: string) => boolean;

/**
 * The default UrlCheck: the electron-vite dev server (`ELECTRON_RENDERER_URL`, same origin) in
 * development, otherwise a file: URL (the built out/renderer/index.html). Prefer `ownPageCheck` with
 * the exact page the window loaded.
 */
export function defaultUrlCheck(url: string): boolean {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return devUrl ? ownPageCheck(devUrl)(url) : url.startsWith('file:');
}

/**
 * A UrlCheck accepting only `pageUrl` itself: the same origin for http(s) (any path, the dev server
 * serves modules), or the same file for file: URLs (ignoring query and hash).
 */
export function ownPageCheck(pageUrl: string): UrlCheck {
  const page = new URL(pageUrl);
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (page.protocol === 'file:') return u.protocol === 'file:' && u.pathname === page.pathname;
    return (page.protocol === 'http:' || page.protocol === 'https:') && u.origin === page.origin;
  };
}

/**
 * Wires the Electron transport: answers `herald:invoke` through `dispatch` (which validates `input`)
 * for requests from the top frame of one of our windows whose URL passes `isOwnUrl`, and forwards
 * every EventBus event to all windows as `herald:event`. Requests from elsewhere are rejected with an
 * Error (the renderer promise rejects). Returns a function that undoes both.
 */
export function registerIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  events: EventBus,
  getWindows: () => BrowserWindow[],
  isOwnUrl: UrlCheck = defaultUrlCheck,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (e: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!isTrustedSender(e, getWindows, isOwnUrl)) {
      throw new Error('Request refused: it does not come from a Herald window.');
    }
    if (typeof channel !== 'string') {
      const refused: Result<never> = {
        ok: false,
        error: { code: 'unknown_channel', message: 'The request channel must be a string.' },
      };
      return refused;
    }
    return dispatch(channel, input);
  });

  const unsubscribe = events.subscribe((event, payload) => {
    for (const win of getWindows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      win.webContents.send(EVENT_CHANNEL, { event, payload });
    }
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}

function isTrustedSender(
  e: IpcMainInvokeEvent,
  getWindows: () => BrowserWindow[],
  isOwnUrl: UrlCheck,
): boolean {
  const frame = e.senderFrame;
  // Subframes (e.g. the sandboxed email preview iframe) never talk to the main process.
  if (frame === null || frame.parent !== null) return false;
  if (!getWindows().some((w) => !w.isDestroyed() && w.webContents === e.sender)) return false;
  return isOwnUrl(frame.url);
}
