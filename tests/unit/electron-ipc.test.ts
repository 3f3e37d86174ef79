import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { CampaignProgress } from '../../src-main/contract';
import type { Dispatch } from '../../src-main/transport/dispatch';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  ownPageCheck,
  registerIpc,
} from '../../src-main/transport/electron-ipc';
import { EventBus } from '../../src-main/transport/events';

type Handler = (e: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Just enough of Electron's objects to drive registerIpc without an Electron binary. */
function fakes(pageUrl = 'file:///opt/herald/out/renderer/index.html') {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  const makeWindow = () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    const webContents = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => destroyed };
    const win = { webContents, isDestroyed: () => destroyed } as unknown as BrowserWindow;
    return { win, sent, destroy: () => (destroyed = true) };
  };
  const windows = [makeWindow(), makeWindow()];
  const calls: [string, unknown][] = [];
  const dispatch: Dispatch = async (channel, input) => {
    calls.push([channel, input]);
    return { ok: true, value: 'answered' };
  };
  const events = new EventBus();
  const dispose = registerIpc(
    ipcMain,
    dispatch,
    events,
    () => windows.map((w) => w.win),
    ownPageCheck(pageUrl),
  );
  const invoke = (
    frame: { url: string; parent: unknown } | null,
    sender: unknown,
    channel: unknown,
    input: unknown,
  ) => {
    const handler = handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler registered');
    const event = { senderFrame: frame, sender } as unknown as IpcMainInvokeEvent;
    return Promise.resolve().then(() => handler(event, channel, input));
  };
  return { handlers, windows, calls, events, dispose, invoke, pageUrl };
}

const progress: CampaignProgress = {} as CampaignProgress;

describe('registerIpc', () => {
  it('dispatches requests from the top frame of our own page', async () => {
    const f = fakes();
    const ours = f.windows[0]!.win.webContents;
    const answer = await f.invoke({ url: `${f.pageUrl}#/contacts`, parent: null }, ours, 'contacts:list', {
      limit: 5,
    });
    expect(answer).toEqual({ ok: true, value: 'answered' });
    expect(f.calls).toEqual([['contacts:list', { limit: 5 }]]);
  });

  it.each([
    ['another file', { url: 'file:///tmp/evil.html', parent: null }, 0],
    ['a web page', { url: 'https://example.com/', parent: null }, 0],
    ['a subframe of our page', { url: 'file:///opt/herald/out/renderer/index.html', parent: {} }, 0],
    ['a destroyed frame', null, 0],
    [
      'a web contents that is not one of our windows',
      { url: 'file:///opt/herald/out/renderer/index.html', parent: null },
      -1,
    ],
  ])('refuses requests from %s', async (_name, frame, windowIndex) => {
    const f = fakes();
    const sender = windowIndex >= 0 ? f.windows[windowIndex]!.win.webContents : { other: true };
    await expect(f.invoke(frame, sender, 'contacts:list', {})).rejects.toThrow(/Request refused/);
    expect(f.calls).toEqual([]);
  });

  it('answers a non-string channel with unknown_channel without dispatching', async () => {
    const f = fakes();
    const answer = await f.invoke({ url: f.pageUrl, parent: null }, f.windows[0]!.win.webContents, 42, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(f.calls).toEqual([]);
  });

  it('forwards bus events to every live window and stops after dispose', () => {
    const f = fakes();
    f.windows[1]!.destroy();
    f.events.emit('campaign:progress', progress);
    expect(f.windows[0]!.sent).toEqual([[EVENT_CHANNEL, { event: 'campaign:progress', payload: progress }]]);
    expect(f.windows[1]!.sent).toEqual([]);

    f.dispose();
    f.events.emit('import:progress', { fileName: 'a.csv', rowsRead: 1, done: true });
    expect(f.windows[0]!.sent).toHaveLength(1);
    expect(f.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});

describe('ownPageCheck', () => {
  it('accepts the dev server origin on any path and nothing else', () => {
    const check = ownPageCheck('http://localhost:5173/');
    expect(check('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(check('http://localhost:5174/')).toBe(false);
    expect(check('http://127.0.0.1:5173/')).toBe(false);
    expect(check('file:///index.html')).toBe(false);
    expect(check('not a url')).toBe(false);
  });

  it('accepts only the same file for a file page, ignoring query and hash', () => {
    const check = ownPageCheck('file:///opt/herald/out/renderer/index.html');
    expect(check('file:///opt/herald/out/renderer/index.html?x=1#/settings')).toBe(true);
    expect(check('file:///opt/herald/out/renderer/other.html')).toBe(false);
    expect(check('about:blank')).toBe(false);
  });
});
