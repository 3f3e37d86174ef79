import { and, asc, eq } from 'drizzle-orm';
import { AppError, type LibraryContent, LibraryExportFile, type LibraryTemplate } from '../contract';
import type { Store } from '../store/db';
import { libraryTemplates } from '../store/schema';

type Row = typeof libraryTemplates.$inferSelect;

function toTemplate(r: Row): LibraryTemplate {
  // Content was validated by the contract when it was saved or imported.
  return {
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...({ channel: r.channel, content: r.content } as LibraryContent),
  };
}

function get(store: Store, id: number): LibraryTemplate {
  const row = store.db.select().from(libraryTemplates).where(eq(libraryTemplates.id, id)).get();
  if (!row) throw new AppError('not_found', `Template ${id} does not exist (it may have been deleted).`);
  return toTemplate(row);
}

function nameTaken(store: Store, channel: string, name: string, exceptId?: number): boolean {
  const row = store.db
    .select({ id: libraryTemplates.id })
    .from(libraryTemplates)
    .where(and(eq(libraryTemplates.channel, channel), eq(libraryTemplates.name, name)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

/** The first of `name`, `name (2)`, `name (3)`, … not used on that channel. */
function freeName(store: Store, channel: string, name: string): string {
  if (!nameTaken(store, channel, name)) return name;
  for (let i = 2; ; i++) if (!nameTaken(store, channel, `${name} (${i})`)) return `${name} (${i})`;
}

/** Saved templates by channel, then name. */
export function listLibrary(store: Store): LibraryTemplate[] {
  return store.db
    .select()
    .from(libraryTemplates)
    .orderBy(asc(libraryTemplates.channel), asc(libraryTemplates.name))
    .all()
    .map(toTemplate);
}

/**
 * Creates a template, or replaces an existing one's name and content. Throws AppError('conflict') when
 * another template of the channel has the name, 'not_found' for an unknown id.
 */
export function saveLibrary(
  store: Store,
  input: LibraryContent & { id?: number; name: string },
): LibraryTemplate {
  if (nameTaken(store, input.channel, input.name, input.id)) {
    throw new AppError(
      'conflict',
      `A ${input.channel} template named "${input.name}" exists already: choose another name.`,
      [{ path: 'name', message: 'This name is taken.' }],
    );
  }
  const now = Date.now();
  if (input.id !== undefined) {
    const existing = get(store, input.id);
    if (existing.channel !== input.channel)
      throw new AppError('conflict', 'A template cannot change its channel; save it as a new one.');
    store.db
      .update(libraryTemplates)
      .set({ name: input.name, content: input.content, updatedAt: now })
      .where(eq(libraryTemplates.id, input.id))
      .run();
    return get(store, input.id);
  }
  const { id } = store.db
    .insert(libraryTemplates)
    .values({
      name: input.name,
      channel: input.channel,
      content: input.content,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: libraryTemplates.id })
    .get();
  return get(store, id);
}

/** Copies a template under a free "… copy" name. */
export function duplicateLibrary(store: Store, id: number): LibraryTemplate {
  const t = get(store, id);
  return saveLibrary(store, {
    channel: t.channel,
    content: t.content,
    name: freeName(store, t.channel, `${t.name} copy`),
  } as LibraryContent & { name: string });
}

export function renameLibrary(store: Store, id: number, name: string): LibraryTemplate {
  const t = get(store, id);
  return saveLibrary(store, { ...t, name } as LibraryContent & { id: number; name: string });
}

export function deleteLibrary(store: Store, id: number): void {
  get(store, id);
  store.db.delete(libraryTemplates).where(eq(libraryTemplates.id, id)).run();
}

/** Serialises templates (all when `ids` is undefined) to the versioned export format. */
export function exportLibrary(
  store: Store,
  ids?: number[],
): { fileName: string; json: string; count: number } {
  const all = ids ? ids.map((id) => get(store, id)) : listLibrary(store);
  const file: LibraryExportFile = {
    format: 'herald-templates',
    version: 1,
    templates: all.map(
      (t) =>
        ({ name: t.name, channel: t.channel, content: t.content }) as LibraryExportFile['templates'][number],
    ),
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    fileName: `herald-templates-${stamp}.json`,
    json: JSON.stringify(file, null, 2),
    count: all.length,
  };
}

/**
 * Imports an export file in one transaction; a name that exists gets " (imported)" (then a number).
 * Throws AppError('bad_file') naming the first problem when the text is not a Herald template file.
 */
export function importLibrary(store: Store, json: string): { imported: number } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new AppError('bad_file', `This is not a JSON file: ${(e as Error).message}`);
  }
  const parsed = LibraryExportFile.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new AppError(
      'bad_file',
      `This is not a Herald template file${where}: ${first?.message ?? 'unknown format'}.`,
    );
  }
  store.sqlite.transaction(() => {
    for (const t of parsed.data.templates) {
      const name = nameTaken(store, t.channel, t.name)
        ? freeName(store, t.channel, `${t.name} (imported)`)
        : t.name;
      saveLibrary(store, { ...t, name });
    }
  })();
  return { imported: parsed.data.templates.length };
}
