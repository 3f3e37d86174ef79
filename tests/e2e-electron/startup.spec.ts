import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { TransportBridge } from '../../src-main/contract';
import { electronBinary } from './electron-binary';

const executablePath = electronBinary();
// Chromium refuses to start as root (CI containers) unless its OS sandbox is off; the renderer still
// runs with `sandbox: true` webPreferences, i.e. the limited preload environment.
const rootOnlyArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** The runner's environment, minus ELECTRON_RUN_AS_NODE, with keychain entries of this run only. */
function testEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env['HERALD_KEYCHAIN_SERVICE'] = `Herald-electron-test-${process.pid}-${Date.now()}`;
  return env;
}

test.describe('Electron shell', () => {
  test.skip(
    executablePath === null,
    'Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); this suite runs where Electron is installed',
  );

  test('opens the Herald window on the Contacts page with a locked-down renderer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-electron-'));
    const app = await electron.launch({
      executablePath: executablePath!,
      args: ['out/main/index.js', '--data-dir', dataDir, ...rootOnlyArgs],
      env: testEnv(),
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/Herald/);
      await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();

      // The page sees only the bridge, not Node or Electron internals (evaluated in the page).
      const globals = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        return { bridge: typeof g['herald'], require: typeof g['require'], process: typeof g['process'] };
      });
      expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });

      // A round trip through the preload, IPC and dispatch, and the refusal of unknown channels.
      const invoke = (channel: string) =>
        page.evaluate(
          (c) => (globalThis as unknown as { herald: TransportBridge }).herald.invoke(c, {}),
          channel,
        );
      expect(await invoke('app:info')).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });
      const refused = await invoke('fs:readEverything');
      expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

      // The main process is the one from out/main and uses the data folder it was given.
      const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
      expect(userData).toBe(dataDir);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
