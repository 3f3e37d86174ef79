/**
 * `npm run fake:cloud-api`: runs the fake WhatsApp Cloud API on 127.0.0.1 for manual testing of
 * Herald. Port FAKE_CLOUD_API_PORT (default 8787), token FAKE_CLOUD_API_TOKEN (default dev-token).
 * Stops on SIGINT/SIGTERM.
 */
import { startFakeCloudApi } from './server';
import { DEFAULT_TEMPLATES } from './templates';

const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';

const port = Number(process.env.FAKE_CLOUD_API_PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`FAKE_CLOUD_API_PORT must be a port number, got "${process.env.FAKE_CLOUD_API_PORT}".`);
  process.exit(2);
}
const accessToken = process.env.FAKE_CLOUD_API_TOKEN ?? 'dev-token';

const api = await startFakeCloudApi({
  accessToken,
  phoneNumberId: PHONE_NUMBER_ID,
  wabaId: WABA_ID,
  templates: DEFAULT_TEMPLATES,
  port,
});

console.log(`Fake WhatsApp Cloud API listening on ${api.url}

Paste into Herald → Settings → WhatsApp:
  Base URL          ${api.url}
  Graph API version v24.0
  Phone number ID   ${PHONE_NUMBER_ID}
  WABA ID           ${WABA_ID}
  Access token      ${accessToken}

Templates: ${DEFAULT_TEMPLATES.map((t) => `${t.name} (${t.language}, ${t.status})`).join(', ')}
Press Ctrl+C to stop.`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(
    `\n${signal}: stopping after ${api.requestCount()} requests (${api.received.length} messages accepted).`,
  );
  api.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
