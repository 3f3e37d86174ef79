import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudApi } from '../support/fake-cloud-api/server';
import {
  components,
  DOC_NAMED,
  DOC_POSITIONAL,
  DOC_TEMPLATES,
  expectGraphError,
  PHONE,
  type RawHarness,
  type Reply,
  startRawHarness,
  TOKEN,
  variant,
  WABA,
} from '../support/fake-cloud-api/doc-examples';

/*
 * Raw HTTP against the fake with the payloads of whatsapp-cloud-api.md: documented examples are
 * accepted with the documented answer; auth, throughput and routing errors have the documented shape.
 * fake-cloud-api-rejections.test.ts covers the payload validation.
 */

let h: RawHarness;
beforeAll(async () => {
  h = await startRawHarness();
});
afterAll(() => h.api.close());

describe('documented examples are accepted', () => {
  it('positional template: the documented success answer', async () => {
    const r = await h.send(DOC_POSITIONAL);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
      messages: [{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }],
    });
  });

  it('named template with an image header, `to` without +', async () => {
    const r = await h.send(DOC_NAMED);
    expect(r.status).toBe(200);
    expect(r.json.contacts).toEqual([{ input: '16505551234', wa_id: '16505551234' }]);
  });

  it('named parameters in any order, image by link, integer button index, quick reply, copy code', async () => {
    const reordered = variant(DOC_NAMED, (p) => {
      const c = components(p);
      c[0] = {
        type: 'header',
        parameters: [{ type: 'image', image: { link: 'https://example.com/a.png' } }],
      };
      (c[1]?.parameters as unknown[]).reverse();
      c.push({
        type: 'button',
        sub_type: 'quick_reply',
        index: 0,
        parameters: [{ type: 'payload', payload: 'stop' }],
      });
    });
    expect((await h.send(reordered)).status).toBe(200);
    const coupon = {
      messaging_product: 'whatsapp',
      to: '+16505551234',
      type: 'template',
      template: {
        name: 'coupon_code',
        language: { code: 'en_US' },
        components: [
          {
            type: 'button',
            sub_type: 'copy_code',
            index: 0,
            parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
          },
        ],
      },
    };
    expect((await h.send(coupon)).status).toBe(200);
  });

  it('the documented URL button component, with callback data', async () => {
    const withButton = {
      ...DOC_POSITIONAL,
      biz_opaque_callback_data: 'x'.repeat(512),
      template: {
        name: 'coupon_expiration_reminder',
        language: { code: 'en' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'Pablo' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'SUMMER20' },
              { type: 'text', text: '10' },
            ],
          },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'SB-1001' }] },
        ],
      },
    };
    expect((await h.send(withButton)).status).toBe(200);
    expect(h.api.received.at(-1)).toMatchObject({
      templateName: 'coupon_expiration_reminder',
      callbackData: 'x'.repeat(512),
    });
  });

  it('free-form text inside an open customer service window (no message_status)', async () => {
    const r = await h.send({
      messaging_product: 'whatsapp',
      to: '+447700900123',
      type: 'text',
      text: { body: 'Hi' },
    });
    expect(r.status).toBe(200);
    expect(r.json.messages).toEqual([{ id: expect.stringMatching(/^wamid\./) }]);
  });

  it('reads the number and the template list in the documented shapes', async () => {
    const fields =
      'verified_name,display_phone_number,quality_rating,throughput,code_verification_status,' +
      'name_status,status,platform_type,whatsapp_business_manager_messaging_limit,health_status';
    const number = await h.call('GET', `/v24.0/${PHONE}?fields=${fields}`);
    expect(number.json).toMatchObject({
      verified_name: 'Herald Test',
      code_verification_status: 'VERIFIED',
      quality_rating: 'GREEN',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      whatsapp_business_manager_messaging_limit: 'TIER_250',
      id: PHONE,
      health_status: { can_send_message: 'AVAILABLE' },
    });
    const only = await h.call('GET', `/v24.0/${PHONE}?fields=quality_rating`);
    expect(only.json).toEqual({ quality_rating: 'GREEN', id: PHONE });

    const first = await h.call('GET', `/v24.0/${WABA}/message_templates?limit=3`);
    const paging = first.json.paging as { cursors: { before: string; after: string }; next?: string };
    expect(first.json.data).toEqual(DOC_TEMPLATES.slice(0, 2)); // the fake's page size (2) caps limit=3
    expect(paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(paging.next).toMatch(new RegExp(`^${h.api.url}/v24.0/${WABA}/message_templates\\?`));
    let next = paging.next;
    let pages = 1;
    while (next) {
      const page = (await (
        await fetch(next, { headers: { Authorization: `Bearer ${TOKEN}` } })
      ).json()) as Reply['json'];
      next = (page.paging as { next?: string } | undefined)?.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(DOC_TEMPLATES.length / 2));
    const picked = await h.call('GET', `/v24.0/${WABA}/message_templates?fields=name,status&limit=1`);
    expect(picked.json.data).toEqual([
      { id: '9000000000000001', name: 'order_confirmation', status: 'APPROVED' },
    ]);
  });
});

describe('auth, throughput and routing', () => {
  it('a missing, wrong or rotated-away token: 190 OAuthException with HTTP 401', async () => {
    const none = await h.call('POST', `/v24.0/${PHONE}/messages`, DOC_POSITIONAL, null);
    expect(expectGraphError(none, 190, 401)).toMatchObject({ type: 'OAuthException' });
    expectGraphError(await h.call('GET', `/v24.0/${PHONE}`, undefined, 'wrong'), 190, 401);
    h.api.setAccessToken('rotated');
    const expired = expectGraphError(await h.call('GET', `/v24.0/${PHONE}`), 190, 401);
    expect(expired.error_subcode).toBe(463);
    h.api.setAccessToken(TOKEN);
    expect((await h.call('GET', `/v24.0/${PHONE}`)).status).toBe(200);
  });

  it('throughput: the documented 130429 shape, with HTTP 400 by default and 429 when configured', async () => {
    const small = await startFakeCloudApi({
      accessToken: TOKEN,
      phoneNumberId: PHONE,
      wabaId: WABA,
      templates: DOC_TEMPLATES,
      throughputPerSec: 1,
      clock: () => 0,
    });
    const post = () =>
      fetch(`${small.url}/v23.0/${PHONE}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(DOC_POSITIONAL),
      });
    try {
      expect((await post()).status).toBe(200);
      const throttled = await post();
      expect(throttled.status).toBe(400);
      const body = (await throttled.json()) as { error: Record<string, unknown> };
      expect(body).toEqual({
        error: {
          message: '(#130429) Rate limit hit',
          type: 'OAuthException',
          code: 130429,
          error_data: {
            messaging_product: 'whatsapp',
            details: 'Cloud API message throughput has been reached.',
          },
          error_subcode: 2494055,
          fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{10,}$/),
        },
      });
      expect(small.received).toHaveLength(1);
    } finally {
      await small.close();
    }
    const as429 = await startFakeCloudApi({
      accessToken: TOKEN,
      phoneNumberId: PHONE,
      wabaId: WABA,
      templates: DOC_TEMPLATES,
      throughputPerSec: 0,
      throttleHttpStatus: 429,
    });
    try {
      const r = await fetch(`${as429.url}/v24.0/${PHONE}/messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(DOC_POSITIONAL),
      });
      expect(r.status).toBe(429);
    } finally {
      await as429.close();
    }
  });

  it('unknown objects, edges, fields and paths', async () => {
    const other = expectGraphError(await h.call('POST', '/v24.0/123456789/messages', DOC_POSITIONAL), 100);
    expect(other).toMatchObject({ error_subcode: 33, type: 'GraphMethodException' });
    expect(other.message).toMatch(/Object with ID '123456789' does not exist/);
    expect(expectGraphError(await h.call('GET', `/v24.0/${PHONE}/messages`), 100).error_subcode).toBe(33);
    expect(expectGraphError(await h.call('POST', `/v24.0/${PHONE}/photos`, {}), 100).message).toMatch(
      /Unknown path components/,
    );
    expect(
      expectGraphError(await h.call('GET', `/v24.0/${PHONE}?fields=verified_name,bogus`), 100).message,
    ).toMatch(/nonexisting field \(bogus\)/);
    expectGraphError(await h.call('GET', `/v24.0/${WABA}/message_templates?fields=bogus`), 100);
    expectGraphError(await h.call('GET', `/v24.0/${WABA}/message_templates?after=not-a-cursor`), 100);
    expectGraphError(await h.call('GET', `/${PHONE}`), 100, 404);
  });
});
