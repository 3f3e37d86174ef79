/**
 * Browser mode: the same main-process services as the Electron app, behind the WebSocket transport on
 * 127.0.0.1, serving the built renderer. Used by `npm run serve` and the end-to-end tests.
 *
 * Usage: node out/main/headless.js [--data-dir DIR] [--port N]
 * Prints `Herald is running at <url>` once ready (the URL carries the session token).
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { KeytarCredentialStore } from './credentials/keytar-store';
import { resolveDataDir, resolveMigrationsDir } from './paths';
import { startBrowserServer } from './transport/websocket';

const here = dirname(fileURLToPath(import.meta.url));

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, join(homedir(), '.herald'));
  const migrationsDir = resolveMigrationsDir({ packaged: false, moduleDir: here });
  const staticDir = join(here, '..', 'renderer');
  const smtpSelfSigned = process.env['HERALD_ALLOW_SELF_SIGNED_SMTP'] === '1';
  const app = await createApp({
    dataDir,
    migrationsDir,
    credentials: new KeytarCredentialStore(process.env['HERALD_KEYCHAIN_SERVICE'] ?? 'Herald'),
    mode: 'browser',
    version: process.env['npm_package_version'] ?? '0.1.0',
    senderOptions: {
      allowSelfSignedSmtp: smtpSelfSigned,
      ...(process.env['HERALD_WHATSAPP_MPS']
        ? { whatsappRatePerSec: Number(process.env['HERALD_WHATSAPP_MPS']) }
        : {}),
    },
  });
  const server = await startBrowserServer({
    dispatch: app.dispatch,
    events: app.events,
    staticDir,
    port: Number(argValue('--port') ?? process.env['HERALD_PORT'] ?? 0),
  });
  console.log(`Herald is running at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (in-flight messages finish first)…`);
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`Herald could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
