import type { CredentialStore, SecretKey } from './store';

/** In-process CredentialStore for unit tests and throwaway runs; forgets everything on exit. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly values = new Map<SecretKey, string>();

  async get(key: SecretKey): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: SecretKey, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: SecretKey): Promise<void> {
    this.values.delete(key);
  }

  describe(): string {
    return 'in-memory store (not persisted)';
  }
}
