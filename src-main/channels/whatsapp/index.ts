/** WhatsApp Cloud API channel: client, error classification and template helpers. */
export * from './types';
export * from './errors';
export * from './client';
export * from './templates';
export { ERROR_RULES, type ErrorRule } from './error-table';
