import { z } from 'zod';
import { Empty, Id } from './common';
import { EmailContent } from './content-email';
import { WhatsAppContent } from './content-whatsapp';

const Name = z.string().trim().min(1, 'Give the template a name.').max(120);

/** A library entry's content, tagged by channel. */
export const LibraryContent = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), content: EmailContent }),
  z.object({ channel: z.literal('whatsapp'), content: WhatsAppContent }),
]);
export type LibraryContent = z.infer<typeof LibraryContent>;

/** A saved template as listed. Times are ms since epoch. */
export type LibraryTemplate = LibraryContent & {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
};

/** The export file format (`.herald-templates.json`), versioned so later formats can read it. */
export const LibraryExportFile = z.object({
  format: z.literal('herald-templates'),
  version: z.literal(1),
  templates: z.array(z.intersection(z.object({ name: Name }), LibraryContent)).max(10_000),
});
export type LibraryExportFile = z.infer<typeof LibraryExportFile>;

/** library:* request schemas. */
export const libraryRequests = {
  'library:list': Empty,
  /** Creates (no id) or replaces the content of a saved template. */
  'library:save': z.intersection(z.object({ id: Id.optional(), name: Name }), LibraryContent),
  'library:duplicate': z.object({ id: Id }),
  'library:rename': z.object({ id: Id, name: Name }),
  'library:delete': z.object({ id: Id }),
  /** Exports the given templates (all when `ids` is omitted) as the JSON text of a LibraryExportFile. */
  'library:export': z.object({ ids: z.array(Id).max(10_000).optional() }),
  /** Imports a LibraryExportFile's JSON text; names that exist get " (imported)" appended. */
  'library:import': z.object({ json: z.string().max(20_000_000) }),
} as const;

/** Outputs of {@link libraryRequests}. */
export interface LibraryOutputs {
  'library:list': LibraryTemplate[];
  'library:save': LibraryTemplate;
  'library:duplicate': LibraryTemplate;
  'library:rename': LibraryTemplate;
  'library:delete': { deleted: true };
  'library:export': { fileName: string; json: string; count: number };
  'library:import': { imported: number };
}
