import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_WINDOW_MS, QuotaManager } from '../../src-main/sending/quota';
import { type Store, openStore } from '../../src-main/store/db';
import { runMigrations } from '../../src-main/store/migrate';
import type { CampaignProgress } from '../../src-main/contract';
import { SendingRig, manyContacts } from '../support/sending-rig';

let dir: string;
let store: Store;
let now = 1_700_000_000_000;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-quota-'));
  store = openStore(join(dir, 'herald.db'));
  runMigrations(store, 'migrations');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QuotaManager: a rolling 24 h cap of unique recipients', () => {
  it('counts each recipient once, refuses past the cap, and frees places as the window moves', () => {
    const q = new QuotaManager(store.sqlite, clock);
    q.setCap('whatsapp', 2);
    expect(q.reserve('whatsapp', '+1')).toMatchObject({ ok: true, fresh: true });
    now += 1_000;
    expect(q.reserve('whatsapp', '+2')).toMatchObject({ ok: true, fresh: true });
    expect(q.reserve('whatsapp', '+1')).toMatchObject({ ok: true, fresh: false }); // already counted
    const refused = q.reserve('whatsapp', '+3');
    expect(refused).toEqual({ ok: false, until: now - 1_000 + QUOTA_WINDOW_MS + 1_000 });
    expect(q.view('whatsapp', 80)).toMatchObject({ cap: 2, used: 2, remaining: 0, ratePerSec: 80 });
    // +1 was messaged again later, so the first place to free is +2's.
    now += QUOTA_WINDOW_MS;
    expect(q.reserve('whatsapp', '+3')).toMatchObject({ ok: true });
    expect(q.reserve('email', 'a@example.com')).toMatchObject({ ok: true }); // channels are separate
  });

  it('keeps usage across restarts, and gives back a reservation whose send surely failed', () => {
    const q = new QuotaManager(store.sqlite, clock);
    q.setCap('email', 3);
    q.reserve('email', 'a@x.com');
    const b = q.reserve('email', 'b@x.com');
    if (!b.ok) throw new Error('refused');
    q.release('email', 'b@x.com', b.prevAt);
    const again = new QuotaManager(store.sqlite, clock);
    again.setCap('email', 3);
    expect(again.view('email', 5)).toMatchObject({ used: 1, remaining: 2 });
    const dry = new QuotaManager(store.sqlite, clock, false);
    dry.reserve('email', 'c@x.com');
    expect(new QuotaManager(store.sqlite, clock).view('email', 5).used).toBe(1); // a dry run writes nothing
  });
});

describe('quota in a campaign', () => {
  let rig: SendingRig;
  afterEach(async () => rig?.close());

  it('stops at the cap, says until when, and resumes by itself when the window frees', async () => {
    rig = await SendingRig.start({ contacts: manyContacts(6), smtp: { dailyCap: 4 } });
    // Three recipients were emailed almost 24 h ago: one place frees a few seconds after the start
    // (time for the worker to boot), the others in an hour.
    const soon = Date.now() - QUOTA_WINDOW_MS + 6_000;
    const db = openStore(join(rig.dir, 'herald.db'));
    const ins = db.sqlite.prepare(
      "INSERT INTO quota_usage (channel, address, last_at) VALUES ('email', ?, ?)",
    );
    ins.run('old1@example.com', soon);
    ins.run('old2@example.com', Date.now() - QUOTA_WINDOW_MS + 3_600_000);
    ins.run('old3@example.com', Date.now() - QUOTA_WINDOW_MS + 3_600_000);
    db.close();
    const untils = new Set<number>();
    rig.app.events.subscribe((_e, p) => {
      for (const w of (p as CampaignProgress).waits ?? [])
        if (w.kind === 'quota' && w.until) untils.add(w.until);
    });

    const id = await rig.launch('email');
    const waiting = await rig.until(
      id,
      (p) => p.counts.email.sent >= 1 && p.waits.some((w) => w.kind === 'quota'),
    );
    expect(waiting.status).toBe('running');
    expect(waiting.quota.email).toMatchObject({ cap: 4, used: 4, remaining: 0 });
    expect(waiting.waits[0]!.message).toMatch(/waiting for quota until/);

    // old1 leaves the window: one more goes out by itself, then it waits again for an hour.
    const next = await rig.until(
      id,
      (p) => p.counts.email.sent === 2 && p.waits.some((w) => w.kind === 'quota'),
    );
    expect(next.counts.email.queued).toBe(4);
    expect(next.waits[0]!.until).toBeGreaterThan(Date.now() + 3_000_000);
    expect(untils.has(soon + QUOTA_WINDOW_MS)).toBe(true); // it said when, and went on at that time
    expect(rig.sink.messages.length).toBe(2);

    // Usage survives a restart: the new app knows the cap is still reached.
    await rig.call('campaigns:pause', { campaignId: id });
    await rig.app.close();
    await rig.boot();
    await rig.call('campaigns:resume', { campaignId: id });
    const after = await rig.until(
      id,
      (p) => p.status === 'running' && p.waits.some((w) => w.kind === 'quota'),
    );
    expect(after.counts.email.sent).toBe(2);
    expect(rig.sink.messages.length).toBe(2);
  });

  it('reads the WhatsApp cap from the account’s messaging limit', async () => {
    rig = await SendingRig.start({
      contacts: manyContacts(5),
      fake: { account: { whatsapp_business_manager_messaging_limit: 'TIER_2' } },
    });
    const id = await rig.launch('whatsapp');
    const p = await rig.until(
      id,
      (x) => x.counts.whatsapp.sent === 2 && x.waits.some((w) => w.kind === 'quota'),
    );
    expect(p.quota.whatsapp).toMatchObject({ cap: 2, used: 2 });
    expect(p.counts.whatsapp.sent).toBe(2);
    expect(rig.fake.received.length).toBe(2);
  });
});
