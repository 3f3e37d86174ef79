import { afterEach, describe, expect, it } from 'vitest';
import {
  DOC_NAMED,
  DOC_TEMPLATES,
  PHONE,
  TOKEN,
  WABA,
  type RawHarness,
  components,
  expectGraphError,
  startRawHarness,
  variant,
} from '../support/fake-cloud-api/doc-examples';
import { PNG } from '../support/fake-cloud-api/library-rig';
import { startFakeCloudApi } from '../support/fake-cloud-api/server';

let h: RawHarness | null = null;
afterEach(async () => {
  await h?.api.close();
  h = null;
});

/** Uploads with the platform's own multipart encoder (FormData), independent of Herald's. */
async function upload(url: string, fields: Record<string, string | Blob>, token = TOKEN) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields))
    form.append(k, v, ...(v instanceof Blob ? ['welcome.png'] : []));
  const res = await fetch(`${url}/v24.0/${PHONE}/media`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown> & { error?: Record<string, unknown> },
  };
}

const png = () => new Blob([PNG], { type: 'image/png' });

describe('fake Cloud API: media', () => {
  it('accepts a documented upload, describes it, and takes its id in a header', async () => {
    h = await startRawHarness();
    const r = await upload(h.api.url, { messaging_product: 'whatsapp', type: 'image/png', file: png() });
    expect(r.status).toBe(200);
    const id = String(r.json.id);
    expect(id).toMatch(/^\d{15,}$/);
    const info = await h.call('GET', `/v24.0/${id}`);
    expect(info.json).toMatchObject({
      id,
      mime_type: 'image/png',
      file_size: PNG.length,
      messaging_product: 'whatsapp',
    });
    const sent = await h.send(
      variant(DOC_NAMED, (p) => {
        components(p)[0] = { type: 'header', parameters: [{ type: 'image', image: { id } }] };
      }),
    );
    expect(sent.status).toBe(200);
  });

  it('rejects uploads Meta rejects: no messaging_product, unsupported type, no file', async () => {
    h = await startRawHarness();
    expectGraphError(await upload(h.api.url, { type: 'image/png', file: png() }), 100);
    const gif = await upload(h.api.url, {
      messaging_product: 'whatsapp',
      type: 'image/gif',
      file: new Blob([Buffer.from('GIF89a')], { type: 'image/gif' }),
    });
    expectGraphError(gif, 131053);
    expectGraphError(await upload(h.api.url, { messaging_product: 'whatsapp', type: 'image/png' }), 100);
    expect(h.api.uploads).toHaveLength(0);
  });

  it('refuses a header media id it never issued', async () => {
    h = await startRawHarness();
    const r = await h.send(
      variant(DOC_NAMED, (p) => {
        components(p)[0] = { type: 'header', parameters: [{ type: 'image', image: { id: '4242' } }] };
      }),
    );
    expectGraphError(r, 131053);
  });
});

describe('fake Cloud API: limits, health and token expiry', () => {
  it('enforces the pair rate per recipient (131056) and lets it recover', async () => {
    let now = 1_700_000_000_000;
    const api = await startFakeCloudApi({
      accessToken: TOKEN,
      phoneNumberId: PHONE,
      wabaId: WABA,
      templates: DOC_TEMPLATES,
      mediaIds: ['1339522734477770'],
      pairRate: { intervalMs: 6000, burst: 2 },
      clock: () => now,
    });
    h = { api, call: async () => ({ status: 0, json: {} }), send: async () => ({ status: 0, json: {} }) };
    const post = async () => {
      const res = await fetch(`${api.url}/v24.0/${PHONE}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(DOC_NAMED),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200); // the burst borrows future quota
    expectGraphError(await post(), 131056);
    now += 6000;
    expect((await post()).status).toBe(200);
  });

  it('reports health_status and account changes, and expires the token after N requests', async () => {
    const api = await startFakeCloudApi({
      accessToken: TOKEN,
      phoneNumberId: PHONE,
      wabaId: WABA,
      templates: DOC_TEMPLATES,
      tokenExpiresAfterRequests: 2,
    });
    h = { api, call: async () => ({ status: 0, json: {} }), send: async () => ({ status: 0, json: {} }) };
    const read = async () => {
      const res = await fetch(`${api.url}/v24.0/${PHONE}?fields=quality_rating,health_status`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      return {
        status: res.status,
        json: (await res.json()) as Record<string, unknown> & { error?: Record<string, unknown> },
      };
    };
    expect((await read()).json).toEqual({
      quality_rating: 'GREEN',
      health_status: { can_send_message: 'AVAILABLE', entities: [] },
      id: PHONE,
    });
    api.setAccount({ quality_rating: 'RED' });
    expect((await read()).json.quality_rating).toBe('RED');
    const expired = expectGraphError(await read(), 190, 401);
    expect(expired.error_subcode).toBe(463);
  });
});
