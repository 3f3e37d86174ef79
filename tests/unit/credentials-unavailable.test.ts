import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// GLib keeps the first session-bus connection for the life of a process, so the store runs in a child
// process whose D-Bus address points at a socket that cannot exist.
const storeModule = pathToFileURL(resolve('src-main/credentials/keytar-store.ts')).href;
const script = `
  const { KeytarCredentialStore } = await import(${JSON.stringify(storeModule)});
  const store = new KeytarCredentialStore(${JSON.stringify(`Herald-test-${randomUUID()}`)});
  const outcome = (p) => p.then(() => ({ ok: true }), (e) => ({ name: e?.name, code: e?.code, message: e?.message }));
  const results = {
    get: await outcome(store.get('smtp.password')),
    set: await outcome(store.set('smtp.password', 'secret')),
    delete: await outcome(store.delete('smtp.password')),
  };
  console.log(JSON.stringify(results));
`;

describe.runIf(process.platform === 'linux')('KeytarCredentialStore without a Secret Service', () => {
  it('reports keychain_unavailable from get, set and delete instead of crashing', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/herald-${randomUUID()}` },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const results = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    for (const op of ['get', 'set', 'delete']) {
      expect(results[op], op).toMatchObject({
        name: 'AppError',
        code: 'keychain_unavailable',
        message: expect.stringMatching(/^The OS keychain is not available: .+gnome-keyring/),
      });
    }
  });
});
