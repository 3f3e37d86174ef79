import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Page, expect } from '@playwright/test';
import {
  type FakeCloudApi,
  type FakeCloudApiOptions,
  startFakeCloudApi,
} from '../support/fake-cloud-api/server';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

/** A browser-mode Herald started as a child process, as `npm run serve` starts it. */
export interface HeraldProcess {
  url: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/**
 * Spawns `node out/main/headless.js` on a fresh data folder (or `dataDir`) with its own keychain
 * service name, and resolves once it prints its URL. Rejects with its output if it exits first.
 */
export async function startHerald(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<HeraldProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'herald-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/headless.js', '--data-dir', dataDir, '--port', '0'],
    {
      env: {
        ...process.env,
        HERALD_KEYCHAIN_SERVICE: `Herald-e2e-${process.pid}-${Date.now()}`,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      const m = /Herald is running at (\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Herald exited with ${code}:\n${output.join('\n')}`)));
  });
  return {
    url,
    dataDir,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * In the open campaign composer: syncs the WhatsApp templates from the (fake) account and picks the
 * template `name` in `language` from the template select.
 */
export async function pickTemplate(page: Page, name: string, language: string): Promise<void> {
  await page.getByTestId('templates-sync').click();
  const select = page.getByTestId('template-select');
  const option = select.locator('option', { hasText: new RegExp(`${name}.*${language}`) });
  await expect(option.first()).toBeAttached();
  await select.selectOption((await option.first().getAttribute('value'))!);
}

/** The WhatsApp Business Account of the fake Cloud API the specs sign in to. */
export const TEST_ACCOUNT = { phoneNumberId: '106540352242922', wabaId: '102290129340398' };

/**
 * Starts the fake Cloud API for TEST_ACCOUNT with the default templates, accepting `accessToken`;
 * `extra` sets any other option (latency, throughput, account facts).
 */
export function startTestCloudApi(
  accessToken: string,
  extra: Partial<FakeCloudApiOptions> = {},
): Promise<FakeCloudApi> {
  return startFakeCloudApi({ accessToken, ...TEST_ACCOUNT, templates: DEFAULT_TEMPLATES, ...extra });
}

/**
 * Opens Settings → WhatsApp and fills the credentials for the fake Cloud API at `baseUrl` (the
 * dialog stays open: the spec saves or tests as it needs).
 */
export async function fillWhatsAppSettings(page: Page, token: string, baseUrl: string): Promise<void> {
  await page.getByTestId('open-settings').click();
  await page.getByRole('tab', { name: /WhatsApp/ }).click();
  await page.getByTestId('wa-phone-number-id').fill(TEST_ACCOUNT.phoneNumberId);
  await page.getByTestId('wa-waba-id').fill(TEST_ACCOUNT.wabaId);
  await page.getByTestId('wa-access-token').fill(token);
  await page.getByTestId('wa-base-url').fill(baseUrl);
}
