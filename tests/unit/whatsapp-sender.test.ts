import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWhatsAppSender } from '../../src-main/channels/whatsapp/sender';
import type { ClaimedRow, OpenedChannel, SendOutcome } from '../../src-main/sending/types';
import { contactVariables } from '../../src-main/templates/contact-variables';
import { getTemplate, loadTemplateLibrary } from '../../src-main/templates/wa-library';
import { saveMedia } from '../../src-main/templates/wa-media';
import { type PreparedWhatsApp, prepareWhatsApp, renderWhatsApp } from '../../src-main/templates/wa-render';
import { PNG, LIBRARY_TEMPLATES, libraryStore, templateId } from '../support/fake-cloud-api/library-rig';
import {
  type FakeCloudApi,
  type FakeCloudApiOptions,
  startFakeCloudApi,
} from '../support/fake-cloud-api/server';

const PHONE = '106540352242922';
const WABA = '102290129340398';
const TOKEN = 'sender-token';

let rig: ReturnType<typeof libraryStore>;
let fake: FakeCloudApi;
const channels: OpenedChannel[] = [];
beforeEach(() => {
  rig = libraryStore();
});
afterEach(async () => {
  channels.splice(0).forEach((c) => c.close());
  await fake?.close();
  rig.close();
});

async function start(extra: Partial<FakeCloudApiOptions> = {}) {
  fake = await startFakeCloudApi({
    accessToken: TOKEN,
    phoneNumberId: PHONE,
    wabaId: WABA,
    templates: LIBRARY_TEMPLATES,
    ...extra,
  });
}

function open(prepared: PreparedWhatsApp, timeoutMs?: number, preflight = true): OpenedChannel {
  const config = {
    baseUrl: fake.url,
    graphVersion: 'v24.0',
    phoneNumberId: PHONE,
    wabaId: WABA,
    accessToken: TOKEN,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
  const c = openWhatsAppSender(config, prepared, { ratePerSec: Infinity, concurrency: 4, preflight });
  channels.push(c);
  return c;
}

/** welcome_discount_template (NAMED, image header) with the header from the media library. */
function prepareWelcome(): PreparedWhatsApp {
  const file = saveMedia(rig.store, 'welcome.png', 'image/png', PNG);
  const id = templateId(rig.store, 'welcome_discount_template', 'en_US');
  return prepareWhatsApp(
    {
      templateId: id,
      parameters: {
        'header.media': `media:${file.id}`,
        'body.first_name': '{{ first_name }}',
        'body.discount_code': '{{ code }}',
      },
    },
    getTemplate(rig.store, id),
    loadTemplateLibrary(rig.store.sqlite, getTemplate(rig.store, id)!),
  );
}

function send(c: OpenedChannel, prepared: PreparedWhatsApp, id: number, phone: string): Promise<SendOutcome> {
  const contact = {
    id,
    firstName: `Ann${id}`,
    lastName: null,
    email: null,
    phone,
    attributes: { code: `C${id}` },
  };
  const row: ClaimedRow = { id, channel: 'whatsapp', address: phone, attempts: 0, contact };
  return c.send(row, { email: null, whatsapp: renderWhatsApp(prepared, contactVariables(contact)) });
}

describe('openWhatsAppSender', () => {
  it('uploads the header file once for the run and sends its id, with the outbox id as callback data', async () => {
    await start();
    const prepared = prepareWelcome();
    const c = open(prepared);
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => send(c, prepared, 100 + i, `+4477009000${10 + i}`)),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(fake.uploads).toHaveLength(1);
    expect(fake.uploads[0]).toMatchObject({
      mimeType: 'image/png',
      fileName: 'welcome.png',
      bytes: PNG.length,
    });
    const mediaId = fake.uploads[0]?.id;
    for (const m of fake.received) {
      expect(m.components[0]).toEqual({
        type: 'header',
        parameters: [{ type: 'image', image: { id: mediaId } }],
      });
    }
    expect(fake.received.map((m) => m.callbackData).sort()).toEqual([
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
    ]);
    expect(fake.received[0]?.components[1]).toMatchObject({
      type: 'body',
      parameters: [
        { type: 'text', parameter_name: 'first_name', text: expect.stringMatching(/^Ann1\d\d$/) },
        { type: 'text', parameter_name: 'discount_code', text: expect.stringMatching(/^C1\d\d$/) },
      ],
    });
  });

  it('pauses every send when the number’s health is BLOCKED, sending nothing', async () => {
    await start({
      account: {
        health_status: {
          can_send_message: 'BLOCKED',
          entities: [
            {
              entity_type: 'WABA',
              id: WABA,
              can_send_message: 'BLOCKED',
              errors: [
                {
                  error_code: 141006,
                  error_description: 'Payment method missing.',
                  possible_solution: 'Add one.',
                },
              ],
            },
          ],
        },
      },
    });
    const prepared = prepareWelcome();
    const o = await send(open(prepared), prepared, 1, '+447700900011');
    expect(o).toMatchObject({ ok: false, action: 'PAUSE' });
    expect(!o.ok && o.message).toMatch(/Payment method missing\. Fix: Add one\./);
    expect(fake.received).toHaveLength(0);
  });

  it('pauses with the fix-it text once the token expires', async () => {
    await start({ tokenExpiresAfterRequests: 3 });
    const prepared = prepareWelcome();
    const c = open(prepared);
    const outcomes: SendOutcome[] = [];
    for (let i = 1; i <= 4; i++) outcomes.push(await send(c, prepared, i, `+44770090002${i}`));
    const last = outcomes.at(-1);
    expect(last).toMatchObject({ ok: false, action: 'PAUSE', code: '190' });
    expect(!last?.ok && last?.message).toMatch(
      /access token expired.*Settings.*Meta: Error validating access token/,
    );
  });

  it('classifies injected faults: 131000 and 5xx retry, a timeout or reset may have been accepted', async () => {
    await start();
    const prepared = prepareWelcome();
    const c = open(prepared, 300);
    expect((await send(c, prepared, 1, '+447700900031')).ok).toBe(true); // pre-flight and upload done
    fake.inject({ kind: 'error', code: 131000 });
    expect(await send(c, prepared, 2, '+447700900032')).toMatchObject({
      ok: false,
      action: 'RETRY',
      code: '131000',
    });
    fake.inject({ kind: 'http5xx', status: 502 });
    expect(await send(c, prepared, 3, '+447700900033')).toMatchObject({
      ok: false,
      action: 'RETRY',
      code: '-2',
    });
    fake.inject({ kind: 'timeout' });
    expect(await send(c, prepared, 4, '+447700900034')).toMatchObject({
      ok: false,
      action: 'RETRY',
      ambiguous: true,
    });
    fake.inject({ kind: 'reset' });
    expect(await send(c, prepared, 5, '+447700900035')).toMatchObject({
      ok: false,
      action: 'RETRY',
      ambiguous: true,
    });
    expect(await send(c, prepared, 6, '+447700900036')).toMatchObject({ ok: true });
  });

  it('fails per-number outcomes and retries the pair rate limit', async () => {
    await start({ outcomes: { '447700900041': 131026 }, pairRate: { intervalMs: 6000, burst: 1 } });
    const prepared = prepareWelcome();
    const c = open(prepared);
    expect(await send(c, prepared, 1, '+447700900041')).toMatchObject({
      ok: false,
      action: 'FAIL',
      code: '131026',
    });
    expect((await send(c, prepared, 2, '+447700900042')).ok).toBe(true);
    expect(await send(c, prepared, 3, '+447700900042')).toMatchObject({
      ok: false,
      action: 'RETRY',
      code: '131056',
    });
  });

  it('stops the campaign when the shared header file is refused', async () => {
    await start();
    const prepared = prepareWelcome();
    const c = open(prepared, undefined, false);
    fake.inject({ kind: 'error', code: 131053 }, 1, 'any');
    const o = await send(c, prepared, 1, '+447700900051');
    expect(o).toMatchObject({ ok: false, action: 'TEMPLATE', code: '131053' });
    expect(!o.ok && o.message).toMatch(/refused the header file welcome\.png/);
    expect(fake.received).toHaveLength(0);
  });
});
