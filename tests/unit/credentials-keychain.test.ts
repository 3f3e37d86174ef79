import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CredentialStore,
  KeytarCredentialStore,
  MemoryCredentialStore,
  SECRET_KEYS,
} from '../../src-main/credentials';

// A unique service per run so parallel runs and the user's real "Herald" entries never collide.
const service = `Herald-test-${process.pid}-${randomUUID()}`;
const keychain = new KeytarCredentialStore(service);

/** Null when the Secret Service answers; otherwise why it does not. */
async function probeKeychain(): Promise<string | null> {
  try {
    await keychain.get('smtp.password');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const unreachable = await probeKeychain();
const inCi = Boolean(process.env['CI']);
if (unreachable !== null && !inCi) {
  console.warn(
    `Skipping OS keychain tests: ${unreachable}\n` +
      'Run them inside a throwaway keyring with: bash scripts/with-keyring.sh npx vitest run tests/unit/credentials',
  );
}

/** The behaviour every CredentialStore shares; run against memory and the real keychain. */
function contractTests(make: () => CredentialStore) {
  const store = make();
  afterAll(async () => {
    for (const key of SECRET_KEYS) await store.delete(key);
  });

  it('returns null for a key that was never set', async () => {
    expect(await store.get('whatsapp.appSecret')).toBeNull();
  });

  it('round-trips set, get, overwrite and delete', async () => {
    await store.set('whatsapp.accessToken', 'EAAG-first');
    expect(await store.get('whatsapp.accessToken')).toBe('EAAG-first');
    await store.set('whatsapp.accessToken', 'EAAG-second');
    expect(await store.get('whatsapp.accessToken')).toBe('EAAG-second');
    await store.delete('whatsapp.accessToken');
    expect(await store.get('whatsapp.accessToken')).toBeNull();
  });

  it('keeps unicode and long secrets byte for byte', async () => {
    const secret = `pässwörd-🔑-密码-${'x'.repeat(500)}-\u00e9\u0301`;
    await store.set('smtp.password', secret);
    expect(await store.get('smtp.password')).toBe(secret);
  });

  it('keeps keys apart', async () => {
    await store.set('whatsapp.accessToken', 'token');
    await store.set('whatsapp.appSecret', 'app-secret');
    expect(await store.get('whatsapp.accessToken')).toBe('token');
    expect(await store.get('whatsapp.appSecret')).toBe('app-secret');
    await store.delete('whatsapp.appSecret');
    expect(await store.get('whatsapp.accessToken')).toBe('token');
  });

  it('treats deleting a missing key as a no-op', async () => {
    await store.delete('smtp.password');
    await expect(store.delete('smtp.password')).resolves.toBeUndefined();
    expect(await store.get('smtp.password')).toBeNull();
  });

  it('describes itself', () => {
    expect(store.describe()).toMatch(/\S/);
  });
}

describe('MemoryCredentialStore', () => {
  contractTests(() => new MemoryCredentialStore());
});

// Outside CI a machine without a keyring skips (with the reason printed above); in CI it must fail.
describe.skipIf(unreachable !== null && !inCi)('KeytarCredentialStore on the OS keychain', () => {
  it('reaches the keychain', () => {
    expect(
      unreachable,
      'the OS keychain must be reachable in CI (run under scripts/with-keyring.sh)',
    ).toBeNull();
  });

  contractTests(() => keychain);

  it('names the platform keychain', () => {
    expect(keychain.describe()).toMatch(/^OS keychain \(/);
  });

  it('does not see entries of another service name', async () => {
    const other = new KeytarCredentialStore(`${service}-other`);
    await keychain.set('smtp.password', 'mine');
    try {
      expect(await other.get('smtp.password')).toBeNull();
    } finally {
      await keychain.delete('smtp.password');
    }
  });
});
