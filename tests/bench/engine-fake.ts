/**
 * The fake Cloud API in its own process for `npm run bench:engine`, so the 100,000 messages it keeps do
 * not count in Herald's memory. Talks over IPC: sends `{ url }` when listening; answers `stats` with
 * the number of accepted sends, their first/last accept time and the most accepted in any 1 s window;
 * `reset` forgets them.
 */
import { startFakeCloudApi } from '../support/fake-cloud-api/server';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

const send = (m: unknown) => process.send?.(m);
const fake = await startFakeCloudApi({
  accessToken: 'bench-token',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  templates: structuredClone(DEFAULT_TEMPLATES),
  throughputPerSec: 1_000_000,
  account: { whatsapp_business_manager_messaging_limit: 'TIER_UNLIMITED' },
  ...({ pairRate: false } as object),
});

/** Most accepts in any window [t, t + 1000 ms), by a two-pointer sweep over sorted times. */
function maxInWindow(times: number[]): number {
  let max = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= 1000) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') {
    const times = fake.received.map((r) => r.at).sort((a, b) => a - b);
    send({
      type: 'stats',
      count: times.length,
      first: times[0] ?? 0,
      last: times.at(-1) ?? 0,
      maxPerSecond: maxInWindow(times),
    });
  } else if (m.type === 'reset') {
    fake.received.length = 0;
    send({ type: 'reset' });
  } else if (m.type === 'close') void fake.close().then(() => process.exit(0));
});
send({ type: 'ready', url: fake.url });
