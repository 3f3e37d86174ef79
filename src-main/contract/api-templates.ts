import { Empty } from './common';
import type { WhatsAppTemplate } from './domain';

/** templates:* request schemas (WhatsApp message templates). */
export const templatesRequests = {
  'templates:sync': Empty,
  'templates:list': Empty,
} as const;

/** Outputs of {@link templatesRequests}. */
export interface TemplatesOutputs {
  'templates:sync': { synced: number; approved: number };
  'templates:list': WhatsAppTemplate[];
}
