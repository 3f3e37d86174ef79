import { AppError, type GroupSummary } from '../contract';
import type { Store } from '../store/db';

/** Lists and tags share their shape: a table of names and a membership table. */
type Kind = 'lists' | 'tags';
const MEMBERS = { lists: ['list_members', 'list_id'], tags: ['contact_tags', 'tag_id'] } as const;
const NOUN = { lists: 'list', tags: 'tag' } as const;

/** Every list (or tag) by name, with its number of contacts. */
export function listGroups(store: Store, kind: Kind): GroupSummary[] {
  const [table, col] = MEMBERS[kind];
  return store.sqlite
    .prepare<[], GroupSummary>(
      `SELECT g.id, g.name, g.created_at AS createdAt,
         (SELECT COUNT(*) FROM ${table} m WHERE m.${col} = g.id) AS contacts
       FROM ${kind} g ORDER BY lower(g.name)`,
    )
    .all();
}

function one(store: Store, kind: Kind, id: number): GroupSummary {
  const found = listGroups(store, kind).find((g) => g.id === id);
  if (!found) throw new AppError('not_found', `That ${NOUN[kind]} no longer exists.`);
  return found;
}

function uniqueName(store: Store, kind: Kind, name: string, except = 0): void {
  const clash = store.sqlite
    .prepare(`SELECT 1 FROM ${kind} WHERE lower(name) = lower(?) AND id <> ?`)
    .get(name, except);
  if (clash)
    throw new AppError('conflict', `A ${NOUN[kind]} called "${name}" already exists. Choose another name.`);
}

/** Creates a list (or tag). Throws AppError('conflict') when the name (ignoring case) is taken. */
export function createGroup(store: Store, kind: Kind, name: string): GroupSummary {
  uniqueName(store, kind, name);
  const id = Number(store.sqlite.prepare(`INSERT INTO ${kind} (name) VALUES (?)`).run(name).lastInsertRowid);
  return one(store, kind, id);
}

/** Renames a list (or tag). Throws AppError('not_found') or ('conflict'). */
export function renameGroup(store: Store, kind: Kind, id: number, name: string): GroupSummary {
  one(store, kind, id);
  uniqueName(store, kind, name, id);
  store.sqlite.prepare(`UPDATE ${kind} SET name = ? WHERE id = ?`).run(name, id);
  return one(store, kind, id);
}

/** Deletes a list (or tag) and its memberships; the contacts stay. Throws AppError('not_found'). */
export function deleteGroup(store: Store, kind: Kind, id: number): { ok: true } {
  one(store, kind, id);
  store.sqlite.prepare(`DELETE FROM ${kind} WHERE id = ?`).run(id);
  return { ok: true };
}
