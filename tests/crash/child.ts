/**
 * The crash test's child: opens Herald on the data folder given in argv[2] (crash recovery runs at
 * start-up), starts the campaign if a kill interrupted its start, and exits 0 once it is completed.
 * The parent kills it with SIGKILL at random moments. Credentials live in memory, so the token is
 * given again on each start (argv[3]).
 */
import { createApp } from '../../src-main/app';
import type { CampaignProgress } from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';

const [dataDir, token] = process.argv.slice(2);
if (!dataDir || !token) throw new Error('usage: child.ts <dataDir> <token>');
const credentials = new MemoryCredentialStore();
await credentials.set('whatsapp.accessToken', token);
const app = await createApp({
  dataDir,
  migrationsDir: 'migrations',
  credentials,
  mode: 'browser',
  version: 'crash-test',
  senderOptions: { whatsappRatePerSec: Infinity, emailRatePerSec: Infinity },
  log: () => undefined,
});
const campaignId = 1;
const finish = async (p: CampaignProgress) => {
  if (p.campaignId !== campaignId || p.status === 'running' || p.status === 'draft') return;
  await app.close();
  process.exit(p.status === 'completed' ? 0 : 3);
};
app.events.subscribe((event, payload) => {
  if (event === 'campaign:progress') void finish(payload as CampaignProgress);
});
const now = await app.dispatch('campaigns:progress', { campaignId });
if (!now.ok) throw new Error(now.error.message);
const p = now.value as CampaignProgress;
if (p.status === 'draft') {
  const r = await app.dispatch('campaigns:start', { campaignId });
  if (!r.ok) throw new Error(r.error.message);
} else await finish(p);
