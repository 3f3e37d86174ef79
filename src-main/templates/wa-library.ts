import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { WhatsAppTemplate } from '../contract';
import { parseTemplate } from '../channels/whatsapp/templates';
import type { RemoteTemplate } from '../channels/whatsapp/types';
import type { Store } from '../store/db';
import { waTemplates } from '../store/schema';
import { mediaFileById, type StoredMedia } from './wa-media';

/**
 * What rendering needs from the library besides the chosen template: the other languages of the same
 * template name, each contact's language (by E.164 phone, unique in `contacts`), and media files.
 */
export interface TemplateLibrary {
  translations: WhatsAppTemplate[];
  contactLanguage(phone: string): string | null;
  mediaFile(id: number): StoredMedia | null;
}

type Row = typeof waTemplates.$inferSelect;

function toTemplate(row: Row): WhatsAppTemplate {
  const remote = {
    id: row.metaId,
    name: row.name,
    language: row.language,
    status: row.status,
    category: row.category,
    parameter_format: row.parameterFormat,
    components: row.components,
  } as RemoteTemplate;
  const parsed = parseTemplate(remote);
  return {
    id: row.id,
    metaId: row.metaId,
    name: row.name,
    language: row.language,
    status: row.status,
    category: row.category,
    parameterFormat: parsed.parameterFormat,
    placeholders: parsed.placeholders,
    header: parsed.header,
    body: parsed.body,
    footer: parsed.footer,
    buttons: parsed.buttons,
    headerFormat: parsed.headerFormat,
    syncedAt: row.syncedAt,
  };
}

/**
 * Replaces the local copy of the WABA's templates with `remote` (all pages) in one transaction:
 * one row per name + language; templates no longer on the account keep their row (campaigns refer to
 * them) with status `DELETED`, so they cannot be chosen. Returns counts.
 */
export function storeTemplates(store: Store, remote: RemoteTemplate[]): { synced: number; approved: number } {
  const now = Date.now();
  store.sqlite.transaction(() => {
    store.sqlite.prepare("UPDATE wa_templates SET status = 'DELETED', synced_at = ?").run(now);
    for (const t of remote) {
      const values = {
        metaId: String(t.id),
        name: t.name,
        language: t.language,
        status: t.status,
        category: t.category,
        parameterFormat: t.parameter_format ?? 'POSITIONAL',
        components: t.components,
        syncedAt: now,
      };
      store.db
        .insert(waTemplates)
        .values(values)
        .onConflictDoUpdate({ target: [waTemplates.name, waTemplates.language], set: values })
        .run();
    }
  })();
  return { synced: remote.length, approved: remote.filter((t) => t.status === 'APPROVED').length };
}

/** Local templates, approved first, then by name and language. */
export function listTemplates(store: Store): WhatsAppTemplate[] {
  return store.db
    .select()
    .from(waTemplates)
    .all()
    .filter((r) => r.status !== 'DELETED')
    .map(toTemplate)
    .sort(
      (a, b) =>
        Number(b.status === 'APPROVED') - Number(a.status === 'APPROVED') ||
        a.name.localeCompare(b.name) ||
        a.language.localeCompare(b.language),
    );
}

/** One local template by id, or null. */
export function getTemplate(store: Store, id: number): WhatsAppTemplate | null {
  const row = store.db.select().from(waTemplates).where(eq(waTemplates.id, id)).get();
  return row ? toTemplate(row) : null;
}

/**
 * What rendering needs besides the template (its approved translations, each contact's language, the
 * media files), over a raw connection so the send worker (no ORM) and the main thread build the same.
 */
export function loadTemplateLibrary(sqlite: Database.Database, template: WhatsAppTemplate): TemplateLibrary {
  const raw = sqlite
    .prepare(
      `SELECT id, meta_id AS metaId, name, language, status, category, parameter_format AS parameterFormat,
              components, synced_at AS syncedAt FROM wa_templates WHERE name = ? AND status = 'APPROVED'`,
    )
    .all(template.name) as (Omit<Row, 'components'> & { components: string })[];
  const byPhone = sqlite.prepare('SELECT language FROM contacts WHERE phone = ?');
  return {
    translations: raw.map((r) => toTemplate({ ...r, components: JSON.parse(r.components) as unknown })),
    contactLanguage: (phone) =>
      (byPhone.get(phone) as { language: string | null } | undefined)?.language ?? null,
    mediaFile: (mediaId) => mediaFileById(sqlite, mediaId),
  };
}
