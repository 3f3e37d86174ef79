/**
 * Electron entry: one instance per data folder, a locked-down window (DESIGN.md, Security), the IPC
 * transport, and a guard that keeps the machine awake (and asks before quitting) while a campaign sends.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, session, shell } from 'electron';
import { createApp, type HeraldApp } from './app';
import { KeytarCredentialStore } from './credentials';
import { resolveDataDir, resolveMigrationsDir } from './paths';
import { DatabaseTooNewError } from './store/migrate';
import { ownPageCheck, registerIpc } from './transport/electron-ipc';
import { lockDown } from './window-security';

const moduleDir = fileURLToPath(new URL('.', import.meta.url)); // out/main
const devUrl = process.env['ELECTRON_RENDERER_URL'];
const pageUrl = devUrl ?? pathToFileURL(join(moduleDir, '../renderer/index.html')).href;
const isOwnUrl = ownPageCheck(pageUrl);
const QUIT_WHILE_SENDING =
  'A campaign is sending. Quit anyway? Unsent messages stay queued and resume next time.';

function fail(error: unknown): void {
  const title =
    error instanceof DatabaseTooNewError ? 'Herald: data folder too new' : 'Herald could not start';
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

function createWindow(herald: HeraldApp, confirmQuit: () => boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Herald',
    icon: join(moduleDir, '../../resources/icon.png'), // dev only; packaged builds use the installer's icon
    webPreferences: {
      preload: join(moduleDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // On macOS closing the window does not quit, so sending simply goes on.
  win.on('close', (e) => {
    if (process.platform !== 'darwin' && herald.isSending() && !confirmQuit()) e.preventDefault();
  });
  void win.loadURL(pageUrl);
  return win;
}

async function main(): Promise<void> {
  let dataDir: string;
  try {
    dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    // Chromium's profile and the single-instance lock follow the data folder: one instance per folder.
    if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);
  } catch (e) {
    return fail(e);
  }
  if (!app.requestSingleInstanceLock()) return app.quit();

  await app.whenReady();
  let herald: HeraldApp;
  try {
    const migrationsDir = resolveMigrationsDir({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      moduleDir,
    });
    // HERALD_KEYCHAIN_SERVICE lets tests use their own keychain entries (as headless.ts does).
    const credentials = new KeytarCredentialStore(process.env['HERALD_KEYCHAIN_SERVICE'] ?? 'Herald');
    herald = await createApp({
      dataDir,
      migrationsDir,
      credentials,
      mode: 'electron',
      version: app.getVersion(),
      // OAuth sign-in opens the provider's page in the system browser (RFC 8252 §4.1).
      email: { openExternal: (url) => shell.openExternal(url) },
    });
  } catch (e) {
    return fail(e);
  }

  let quitConfirmed = false;
  const confirmQuit = (): boolean => {
    if (quitConfirmed) return true;
    const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = {
      type: 'warning' as const,
      buttons: ['Quit', 'Keep sending'],
      defaultId: 1,
      cancelId: 1,
      message: QUIT_WHILE_SENDING,
    };
    quitConfirmed =
      (parent ? dialog.showMessageBoxSync(parent, options) : dialog.showMessageBoxSync(options)) === 0;
    return quitConfirmed;
  };

  lockDown(app, session.defaultSession, shell, !devUrl);
  registerIpc(ipcMain, herald.dispatch, herald.events, () => BrowserWindow.getAllWindows(), isOwnUrl);

  // Keep the OS from suspending Herald mid-campaign (the display may still sleep).
  let blocker: number | null = null;
  const updateBlocker = () => {
    const sending = herald.isSending();
    if (sending && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!sending && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  herald.events.subscribe((event) => event === 'campaign:progress' && updateBlocker());
  setInterval(updateBlocker, 5_000).unref();

  let window = createWindow(herald, confirmQuit);
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createWindow(herald, confirmQuit);
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow(herald, confirmQuit);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  let closed = false;
  app.on('before-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    if (closing || (herald.isSending() && !confirmQuit())) return;
    closing = true;
    void herald
      .close()
      .catch((err: unknown) => console.error('Herald: error while closing', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

main().catch(fail);
