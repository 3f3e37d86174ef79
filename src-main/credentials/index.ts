/** Secret storage: the OS keychain in the app, memory in tests. */
export * from './store';
export { KeytarCredentialStore } from './keytar-store';
export { MemoryCredentialStore } from './memory-store';
