import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudApiClient } from '../../src-main/channels/whatsapp/client';
import { CloudApiError } from '../../src-main/channels/whatsapp/errors';
import { buildTemplatePayload, parseTemplate } from '../../src-main/channels/whatsapp/templates';
import type { CloudApiConfig, RemoteTemplate, SendResult } from '../../src-main/channels/whatsapp/types';
import {
  type FakeCloudApi,
  type FakeCloudApiOptions,
  startFakeCloudApi,
} from '../support/fake-cloud-api/server';
import { DEFAULT_TEMPLATES } from '../support/fake-cloud-api/templates';

const PHONE = '106540352242922';
const WABA = '102290129340398';
const TOKEN = 'test-token';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

async function fake(extra: Partial<FakeCloudApiOptions> = {}): Promise<FakeCloudApi> {
  const api = await startFakeCloudApi({
    accessToken: TOKEN,
    phoneNumberId: PHONE,
    wabaId: WABA,
    templates: DEFAULT_TEMPLATES,
    ...extra,
  });
  open.push(api);
  return api;
}

const client = (baseUrl: string, extra: Partial<CloudApiConfig> = {}) =>
  new CloudApiClient({
    baseUrl,
    graphVersion: 'v24.0',
    phoneNumberId: PHONE,
    wabaId: WABA,
    accessToken: TOKEN,
    ...extra,
  });

/** The order_confirmation payload for `to`, built by the product code from the template's examples. */
function orderPayload(to: string, values: Record<string, string> = {}): object {
  const t = parseTemplate(DEFAULT_TEMPLATES[0] as RemoteTemplate);
  return buildTemplatePayload({
    to,
    name: 'order_confirmation',
    language: 'en_US',
    parameterFormat: t.parameterFormat,
    placeholders: t.placeholders,
    values: { 'body.1': 'Jessica', 'body.2': 'SKBUP2-4CPIG9', 'button.0.1': 'SB-1001', ...values },
    callbackData: 'outbox:7',
  });
}

function failed(r: SendResult) {
  if (r.ok) throw new Error(`expected a failure, got ${r.wamid}`);
  return r.error;
}

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('CloudApiClient.sendMessage against the fake Cloud API', () => {
  it('returns the wamid of an accepted template message', async () => {
    const api = await fake();
    const r = await client(api.url).sendMessage(orderPayload('+16505551234'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.wamid).toMatch(/^wamid\.[A-Za-z0-9+/]+$/);
    expect(r.messageStatus).toBe('accepted');
    expect(r.waId).toBe('16505551234');
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({
      to: '+16505551234',
      templateName: 'order_confirmation',
      language: 'en_US',
      callbackData: 'outbox:7',
      wamid: r.wamid,
    });
  });

  it('sends every APPROVED default template built from its own examples', async () => {
    const api = await fake({ mediaIds: ['1339522734477770'] });
    const c = client(api.url);
    for (const t of DEFAULT_TEMPLATES.filter((x) => x.status === 'APPROVED')) {
      const parsed = parseTemplate(t);
      const values = Object.fromEntries(parsed.placeholders.map((p) => [p.key, p.example ?? 'value']));
      const payload = buildTemplatePayload({
        to: '+16505550000',
        name: t.name,
        language: t.language,
        parameterFormat: parsed.parameterFormat,
        placeholders: parsed.placeholders,
        values,
        ...(parsed.headerFormat === 'IMAGE'
          ? { headerMedia: { type: 'image' as const, id: '1339522734477770' } }
          : {}),
      });
      const r = await c.sendMessage(payload);
      expect(r.ok ? 'accepted' : r.error.details, `${t.name}/${t.language}`).toBe('accepted');
    }
    expect(new Set(api.received.map((m) => m.wamid)).size).toBe(api.received.length);
  });

  it('classifies a bad token as PAUSE 190, and a rotated-away token as expired (463)', async () => {
    const api = await fake();
    const bad = failed(
      await client(api.url, { accessToken: 'wrong' }).sendMessage(orderPayload('+16505551234')),
    );
    expect(bad).toMatchObject({ action: 'PAUSE', code: 190, httpStatus: 401 });
    api.setAccessToken('fresh-token');
    const old = failed(await client(api.url).sendMessage(orderPayload('+16505551234')));
    expect(old).toMatchObject({ action: 'PAUSE', code: 190, subcode: 463 });
    expect(old.userMessage).toMatch(/expired/);
    expect(
      (await client(api.url, { accessToken: 'fresh-token' }).sendMessage(orderPayload('+16505551234'))).ok,
    ).toBe(true);
    expect(api.rejected.map((x) => x.code)).toEqual([190, 190]);
  });

  it('classifies an unapproved template or missing language as TEMPLATE 132001', async () => {
    const api = await fake();
    const c = client(api.url);
    const pending = failed(
      await c.sendMessage(
        buildTemplatePayload({
          to: '+16505551234',
          name: 'spring_sale',
          language: 'en_US',
          parameterFormat: 'POSITIONAL',
          placeholders: [{ key: 'body.1', component: 'body', name: '1' }],
          values: { 'body.1': '20%' },
        }),
      ),
    );
    expect(pending).toMatchObject({ action: 'TEMPLATE', code: 132001 });
    const french = { ...orderPayload('+16505551234') } as { template: { language: { code: string } } };
    french.template = { ...french.template, language: { code: 'fr' } };
    expect(failed(await c.sendMessage(french))).toMatchObject({ action: 'TEMPLATE', code: 132001 });
    expect(api.received).toHaveLength(0);
  });

  it('classifies a wrong parameter count as TEMPLATE 132000', async () => {
    const api = await fake();
    const payload = buildTemplatePayload({
      to: '+16505551234',
      name: 'order_confirmation',
      language: 'en_US',
      parameterFormat: 'POSITIONAL',
      placeholders: [
        { key: 'body.1', component: 'body', name: '1' },
        { key: 'button.0.1', component: 'button', name: '1', buttonIndex: 0 },
      ],
      values: { 'body.1': 'Jessica', 'button.0.1': 'SB-1001' },
    });
    const e = failed(await client(api.url).sendMessage(payload));
    expect(e).toMatchObject({ action: 'TEMPLATE', code: 132000 });
    expect(e.details).toMatch(
      /body: number of localizable_params \(1\) does not match the expected number of params \(2\)/,
    );
  });

  it('returns a configured per-recipient outcome (131026) as FAIL with the email fallback hint', async () => {
    const api = await fake({ outcomes: { '4915112345678': 131026 } });
    const c = client(api.url);
    const e = failed(await c.sendMessage(orderPayload('+4915112345678')));
    expect(e).toMatchObject({ action: 'FAIL', code: 131026 });
    expect(e.hints?.emailFallback).toBe(true);
    expect((await c.sendMessage(orderPayload('+4915112345679'))).ok).toBe(true);
    expect(api.rejected).toEqual([{ code: 131026, to: '+4915112345678' }]);
  });

  it('answers 130429 beyond the throughput in a rolling second, and accepts again after it', async () => {
    let now = 1_700_000_000_000;
    const api = await fake({ throughputPerSec: 5, clock: () => now });
    const c = client(api.url);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => c.sendMessage(orderPayload(`+1650555${String(1000 + i)}`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const throttled = results.filter((r) => !r.ok).map((r) => failed(r));
    expect(throttled).toHaveLength(5);
    for (const e of throttled) {
      expect(e).toMatchObject({ action: 'RETRY', code: 130429, httpStatus: 400 });
      expect(e.hints?.retryScope).toBe('channel');
    }
    now += 999;
    expect(failed(await c.sendMessage(orderPayload('+16505552000'))).code).toBe(130429);
    now += 2;
    expect((await c.sendMessage(orderPayload('+16505552000'))).ok).toBe(true);
  });

  it('turns a refused connection and a timeout into RETRY -1 without throwing', async () => {
    const gone = await fake();
    const url = gone.url;
    await gone.close();
    const refused = failed(await client(url).sendMessage(orderPayload('+16505551234')));
    expect(refused).toMatchObject({ action: 'RETRY', code: -1 });
    expect(refused.hints?.mayHaveBeenAccepted).toBeUndefined();
    const slow = await fake({ latencyMs: 5_000 });
    const timedOut = failed(
      await client(slow.url, { timeoutMs: 50 }).sendMessage(orderPayload('+16505551234')),
    );
    expect(timedOut).toMatchObject({ action: 'RETRY', code: -1, details: 'no answer within 50 ms' });
    expect(timedOut.hints?.mayHaveBeenAccepted).toBe(true);
  });

  it('gives code -2 to a gateway page instead of JSON', async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    expect(failed(await client(url).sendMessage(orderPayload('+16505551234')))).toMatchObject({
      action: 'RETRY',
      code: -2,
      httpStatus: 502,
    });
  });
});

describe('CloudApiClient.getPhoneNumber', () => {
  it('reads the documented fields', async () => {
    const api = await fake();
    expect(await client(api.url).getPhoneNumber()).toEqual({
      id: PHONE,
      verifiedName: 'Herald Test',
      displayPhoneNumber: '15550783881',
      qualityRating: 'GREEN',
      messagingLimit: 'TIER_250',
      throughputLevel: 'STANDARD',
      healthStatus: { canSendMessage: 'AVAILABLE', entities: [] },
      status: 'CONNECTED',
      codeVerificationStatus: 'VERIFIED',
      nameStatus: 'APPROVED',
    });
  });

  it('reads account overrides, and messaging_limit_tier on versions before v24.0', async () => {
    const api = await fake({
      account: {
        quality_rating: 'YELLOW',
        whatsapp_business_manager_messaging_limit: 'TIER_2K',
        throughput: { level: 'HIGH' },
      },
    });
    const info = await client(api.url, { graphVersion: 'v23.0' }).getPhoneNumber();
    expect(info).toMatchObject({
      qualityRating: 'YELLOW',
      messagingLimit: 'TIER_2K',
      throughputLevel: 'HIGH',
    });
  });

  it('throws CloudApiError for a bad token and for a wrong phone number ID', async () => {
    const api = await fake();
    const bad = await client(api.url, { accessToken: 'nope' })
      .getPhoneNumber()
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CloudApiError);
    expect((bad as CloudApiError).classified).toMatchObject({ action: 'PAUSE', code: 190 });
    const wrong = await client(api.url, { phoneNumberId: '999999' })
      .getPhoneNumber()
      .catch((e: unknown) => e);
    expect((wrong as CloudApiError).classified).toMatchObject({ action: 'PAUSE', code: 100, subcode: 33 });
  });
});

describe('CloudApiClient.listTemplates', () => {
  it('follows the cursors over every page', async () => {
    for (const pageSize of [1, 2, 4, 100]) {
      const api = await fake({ pageSize });
      const before = api.requestCount();
      const all = await client(api.url).listTemplates();
      expect(all.map((t) => `${t.name}/${t.language}`)).toEqual(
        DEFAULT_TEMPLATES.map((t) => `${t.name}/${t.language}`),
      );
      expect(all[0]).toEqual(DEFAULT_TEMPLATES[0]);
      expect(api.requestCount() - before).toBe(Math.ceil(DEFAULT_TEMPLATES.length / pageSize));
    }
  });

  it('returns an empty list for a WABA without templates', async () => {
    const api = await fake({ templates: [] });
    expect(await client(api.url).listTemplates()).toEqual([]);
  });

  it('stops with CloudApiError when a server repeats the same cursor', async () => {
    const url = await rawServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          data: [
            { id: '1', name: 'a', language: 'en', status: 'APPROVED', category: 'UTILITY', components: [] },
          ],
          paging: { cursors: { after: 'SAME' }, next: `http://elsewhere.example${req.url ?? ''}` },
        }),
      );
    });
    const e = await client(url)
      .listTemplates()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CloudApiError);
    expect((e as CloudApiError).classified.metaMessage).toMatch(/same page cursor/);
  });

  it('rejects a template list that is not the documented shape', async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: [{ name: 'missing id and status' }] }));
    });
    const e = await client(url)
      .listTemplates()
      .catch((x: unknown) => x);
    expect((e as CloudApiError).classified).toMatchObject({ action: 'FAIL', code: -2 });
  });
});
