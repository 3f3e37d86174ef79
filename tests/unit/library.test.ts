import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeraldApp } from '../../src-main/app';
import type { RequestChannel, RequestInput, Result } from '../../src-main/contract';
import { type TempApp, openTempApp } from '../fixtures/temp-app';

let app: HeraldApp;

async function call<C extends RequestChannel>(channel: C, input: RequestInput<C>) {
  return (await app.dispatch(channel, input)) as Result<never>;
}
async function value<C extends RequestChannel>(channel: C, input: RequestInput<C>) {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as never;
}

const email = { subject: 'Hello {{ first_name }}', html: '<p>Hi</p>' };

let temp: TempApp;

beforeEach(async () => {
  temp = await openTempApp('herald-lib-');
  app = temp.app;
});
afterEach(() => temp.dispose());

describe('template library', () => {
  it('creates, duplicates, renames, replaces and deletes', async () => {
    const a = await value('library:save', { name: 'Welcome', channel: 'email', content: email });
    const copy = await value('library:duplicate', { id: (a as { id: number }).id });
    expect((copy as { name: string }).name).toBe('Welcome copy');
    const copy2 = await value('library:duplicate', { id: (a as { id: number }).id });
    expect((copy2 as { name: string }).name).toBe('Welcome copy (2)');
    const renamed = await value('library:rename', { id: (copy as { id: number }).id, name: 'Spring' });
    expect((renamed as { name: string }).name).toBe('Spring');
    await value('library:save', {
      id: (a as { id: number }).id,
      name: 'Welcome',
      channel: 'email',
      content: { ...email, subject: 'Hi' },
    });
    const list = (await value('library:list', {})) as { name: string; content: { subject: string } }[];
    expect(list.map((t) => t.name)).toEqual(['Spring', 'Welcome', 'Welcome copy (2)']);
    expect(list.find((t) => t.name === 'Welcome')!.content.subject).toBe('Hi');
    await value('library:delete', { id: (a as { id: number }).id });
    expect(((await value('library:list', {})) as unknown[]).length).toBe(2);
  });

  it('refuses a taken name, naming the field, and an unknown id', async () => {
    await value('library:save', { name: 'Welcome', channel: 'email', content: email });
    const r = await call('library:save', { name: 'Welcome', channel: 'email', content: email });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'conflict', details: [{ path: 'name' }] });
    // The same name on another channel is fine.
    expect(
      (
        await call('library:save', {
          name: 'Welcome',
          channel: 'whatsapp',
          content: { templateId: 1, parameters: {} },
        })
      ).ok,
    ).toBe(true);
    const missing = await call('library:rename', { id: 999, name: 'x' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('validates content through the contract', async () => {
    const r = await call('library:save', {
      name: 'Bad',
      channel: 'email',
      content: { subject: '', html: '' },
    } as never);
    expect(!r.ok && r.error.code).toBe('invalid_input');
  });

  it('round-trips through an export file and renames clashes on import', async () => {
    await value('library:save', { name: 'Welcome', channel: 'email', content: email });
    await value('library:save', {
      name: 'Order',
      channel: 'whatsapp',
      content: { templateId: 3, parameters: { 'body.1': '{{ first_name }}' } },
    });
    const exported = (await value('library:export', {})) as { json: string; count: number; fileName: string };
    expect(exported.count).toBe(2);
    expect(exported.fileName).toMatch(/^herald-templates-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await value('library:import', { json: exported.json })).toEqual({ imported: 2 });
    const names = ((await value('library:list', {})) as { name: string }[]).map((t) => t.name).sort();
    expect(names).toEqual(['Order', 'Order (imported)', 'Welcome', 'Welcome (imported)']);
  });

  it('explains a file that is not a template export, and writes nothing', async () => {
    const notJson = await call('library:import', { json: 'name,email\n' });
    expect(!notJson.ok && notJson.error.message).toMatch(/not a JSON file/);
    const wrong = await call('library:import', {
      json: JSON.stringify({
        format: 'herald-templates',
        version: 1,
        templates: [{ name: 'x', channel: 'email', content: { subject: 's' } }],
      }),
    });
    expect(!wrong.ok && wrong.error.message).toMatch(/not a Herald template file at templates\.0/);
    expect(((await value('library:list', {})) as unknown[]).length).toBe(0);
  });
});
