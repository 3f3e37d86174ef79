import type * as KeytarModule from 'keytar';
import { AppError } from '../contract';
import type { CredentialStore, SecretKey } from './store';

type Keytar = typeof KeytarModule;

/** Names the platform keychain keytar talks to (keytar README: Keychain, Credential Vault, libsecret). */
function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'OS keychain (macOS Keychain)';
  if (platform === 'win32') return 'OS keychain (Windows Credential Manager)';
  return 'OS keychain (Secret Service)';
}

function unavailable(cause: unknown): AppError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).trim().replace(/\.$/, '');
  return new AppError(
    'keychain_unavailable',
    `The OS keychain is not available: ${reason}. On Linux install and unlock gnome-keyring (Secret Service).`,
  );
}

/**
 * CredentialStore on the OS keychain through keytar: one entry per secret, service `serviceName`
 * (default "Herald"), account = the SecretKey. keytar is loaded on first use so a missing native
 * module or Secret Service daemon surfaces as `AppError('keychain_unavailable')` from that call, not
 * as a crash at start-up. Every keychain failure is reported with that code.
 */
export class KeytarCredentialStore implements CredentialStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(private readonly serviceName = 'Herald') {}

  private async load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m: Keytar & { default?: Keytar }) => m.default ?? m);
    try {
      return await this.keytar;
    } catch (e) {
      this.keytar = undefined; // let a later call retry, e.g. after the user installs the keyring
      throw unavailable(e);
    }
  }

  private async call<T>(op: (k: Keytar) => Promise<T>): Promise<T> {
    const k = await this.load();
    try {
      return await op(k);
    } catch (e) {
      throw unavailable(e);
    }
  }

  get(key: SecretKey): Promise<string | null> {
    return this.call((k) => k.getPassword(this.serviceName, key));
  }

  set(key: SecretKey, value: string): Promise<void> {
    return this.call((k) => k.setPassword(this.serviceName, key, value));
  }

  async delete(key: SecretKey): Promise<void> {
    // keytar resolves false when there was nothing to delete; that is fine here.
    await this.call((k) => k.deletePassword(this.serviceName, key));
  }

  describe(): string {
    return keychainName(process.platform);
  }
}
