/** The typed contract shared by the main process and the renderer. Pure TypeScript, no I/O. */
export * from './result';
export * from './domain';
export * from './settings';
export * from './common';
export * from './csv';
export * from './content-email';
export * from './content-whatsapp';
export * from './api-app';
export * from './api-contacts';
export * from './api-audience';
export * from './api-templates';
export * from './api-campaigns';
export * from './api-email';
export * from './api-library';
export * from './api-plan';
export * from './api-review';
export * from './requests';
export * from './events';

/** The API both transports give the renderer (preload bridge, or WebSocket in browser mode). */
export interface TransportBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
