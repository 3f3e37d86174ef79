import { z } from 'zod';
import { Id } from './common';

/** A campaign's WhatsApp message: an approved template and a Liquid template per placeholder. */
export const WhatsAppContent = z.object({
  templateId: Id,
  /** Placeholder key (`body.1`, `header.1`, `body.first_name`, `button.0.1`) → Liquid template. */
  parameters: z.record(z.string(), z.string().max(4096)),
});
export type WhatsAppContent = z.infer<typeof WhatsAppContent>;
