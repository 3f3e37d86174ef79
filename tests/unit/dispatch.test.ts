import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { type Handlers, createDispatcher } from '../../src-main/transport/dispatch';

function dispatcherWith(
  overrides: Partial<Handlers>,
  onInternal: (c: string, e: unknown) => void = () => {},
) {
  return createDispatcher(overrides as Handlers, onInternal);
}

describe('dispatch', () => {
  it('rejects an unknown channel', async () => {
    const r = await dispatcherWith({})('contacts:explode', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'No such request: contacts:explode' },
    });
  });

  it('names the field of a malformed payload', async () => {
    const r = await dispatcherWith({ 'contacts:list': () => ({ rows: [], total: 0, nextAfterId: null }) })(
      'contacts:list',
      { limit: 'ten' },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toMatch(/^contacts:list: limit: /);
    expect(r.error.details).toEqual([{ path: 'limit', message: expect.any(String) as string }]);
  });

  it('names nested fields and custom rules of a campaign draft', async () => {
    const r = await dispatcherWith({})('campaigns:create', {
      name: 'x',
      channelMode: 'both',
      audience: {},
      email: { subject: '', html: '<p>' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = (r.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email.subject', 'whatsapp']));
  });

  it('passes parsed input (with defaults) to the handler and wraps the value', async () => {
    let seen: unknown;
    const d = dispatcherWith({
      'contacts:list': (input) => {
        seen = input;
        return { rows: [], total: 0, nextAfterId: null };
      },
    });
    expect(await d('contacts:list', undefined)).toEqual({
      ok: true,
      value: { rows: [], total: 0, nextAfterId: null },
    });
    expect(seen).toEqual({ limit: 100 });
  });

  it('returns AppErrors as they are and hides nothing of internal errors from the log', async () => {
    const logged: unknown[] = [];
    const d = dispatcherWith(
      {
        'settings:get': () => {
          throw new AppError('not_configured', 'Add the host.');
        },
        'campaigns:list': () => {
          throw new TypeError('boom');
        },
      },
      (_c, e) => logged.push(e),
    );
    expect(await d('settings:get', {})).toEqual({
      ok: false,
      error: { code: 'not_configured', message: 'Add the host.' },
    });
    expect(await d('campaigns:list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
    expect(logged).toHaveLength(1);
  });

  it('refuses extra keys on empty requests', async () => {
    const r = await dispatcherWith({ 'settings:get': () => ({}) as never })('settings:get', { evil: 1 });
    expect(r.ok).toBe(false);
  });
});
