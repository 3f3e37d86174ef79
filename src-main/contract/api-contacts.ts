import { z } from 'zod';
import { Empty } from './common';
import { type Contact, CountryCode, type ImportSummary } from './domain';

/** Largest CSV accepted in one request, in characters (the streaming importer lifts this). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

/** contacts:* request schemas. */
export const contactsRequests = {
  'contacts:import': z.object({
    fileName: z.string().min(1).max(255),
    content: z.string().max(MAX_IMPORT_CHARS, 'The file is too large for this import path.'),
    defaultCountry: CountryCode.optional(),
  }),
  'contacts:list': z.object({
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset cursor: the last id of the previous page. */
    afterId: z.number().int().min(0).optional(),
  }),
  'contacts:imports': Empty,
} as const;

/** Outputs of {@link contactsRequests}. */
export interface ContactsOutputs {
  'contacts:import': ImportSummary;
  'contacts:list': { rows: Contact[]; total: number; nextAfterId: number | null };
  'contacts:imports': { id: number; fileName: string; imported: number; createdAt: number }[];
}
