import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { KeytarCredentialStore } from '../../src-main/credentials';

// GLib caches the session bus once connected, so this lives in its own file (vitest runs each file in a
// fresh process) and points D-Bus at a socket that cannot exist before keytar is first used.
process.env['DBUS_SESSION_BUS_ADDRESS'] = `unix:path=/nonexistent/herald-${randomUUID()}`;

describe.runIf(process.platform === 'linux')('KeytarCredentialStore without a Secret Service', () => {
  const store = new KeytarCredentialStore(`Herald-test-${randomUUID()}`);

  it.each([
    ['get', () => store.get('smtp.password')],
    ['set', () => store.set('smtp.password', 'secret')],
    ['delete', () => store.delete('smtp.password')],
  ])('%s reports keychain_unavailable instead of crashing', async (_op, call) => {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'keychain_unavailable' });
    expect((error as AppError).message).toMatch(/^The OS keychain is not available: .+gnome-keyring/);
  });
});
