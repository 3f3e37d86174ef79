import { AppError, type BulkAction, type BulkTarget, type ContactFilter } from '../contract';
import type { Store } from '../store/db';
import { type Clause, filterClause } from './filter';

/** The target as a condition on `contacts c`; chosen ids go through a temp table (no parameter limit). */
function targetClause(store: Store, target: BulkTarget): Clause {
  if ('filter' in target) return filterClause(target.filter as ContactFilter);
  const db = store.sqlite;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.bulk_ids;');
  const add = db.prepare('INSERT OR IGNORE INTO temp.bulk_ids (id) VALUES (?)');
  for (const id of target.ids) add.run(id);
  return { sql: 'c.id IN (SELECT id FROM temp.bulk_ids)', params: {} };
}

function exists(store: Store, table: 'lists' | 'tags', id: number): void {
  if (!store.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id))
    throw new AppError('not_found', `That ${table === 'lists' ? 'list' : 'tag'} no longer exists.`);
}

/**
 * Applies one action to the chosen contacts, or to every contact matching a filter, in one transaction
 * with set-based SQL (fast at a million contacts): add to or remove from a list, tag or untag,
 * suppress their addresses on a channel (or both), or delete them (their list and tag memberships go
 * with them). Returns how many rows the action changed. Throws AppError('not_found') for a missing list or tag.
 */
export function bulkAction(store: Store, target: BulkTarget, action: BulkAction): { affected: number } {
  const db = store.sqlite;
  return db.transaction(() => {
    const { sql, params } = targetClause(store, target);
    const where = `FROM contacts c WHERE ${sql}`;
    const run = (statement: string, extra: Record<string, string | number> = {}) =>
      db.prepare(statement).run({ ...params, ...extra }).changes;
    switch (action.type) {
      case 'addToList':
        exists(store, 'lists', action.listId);
        return {
          affected: run(
            `INSERT OR IGNORE INTO list_members (list_id, contact_id, added_at)
            SELECT @groupId, c.id, @now ${where}`,
            { groupId: action.listId, now: Date.now() },
          ),
        };
      case 'removeFromList':
        return {
          affected: run(
            `DELETE FROM list_members WHERE list_id = @groupId AND contact_id IN (SELECT c.id ${where})`,
            {
              groupId: action.listId,
            },
          ),
        };
      case 'tag':
        exists(store, 'tags', action.tagId);
        return {
          affected: run(
            `INSERT OR IGNORE INTO contact_tags (tag_id, contact_id) SELECT @groupId, c.id ${where}`,
            {
              groupId: action.tagId,
            },
          ),
        };
      case 'untag':
        return {
          affected: run(
            `DELETE FROM contact_tags WHERE tag_id = @groupId AND contact_id IN (SELECT c.id ${where})`,
            {
              groupId: action.tagId,
            },
          ),
        };
      case 'suppress': {
        let affected = 0;
        for (const [channel, col] of [
          ['email', 'c.email'],
          ['whatsapp', 'c.phone'],
        ] as const) {
          if (action.channel !== 'both' && action.channel !== channel) continue;
          affected += run(
            `INSERT OR IGNORE INTO suppressions (channel, address, reason, source)
             SELECT '${channel}', ${col}, @reason, 'user' ${where} AND ${col} IS NOT NULL`,
            { reason: action.reason },
          );
        }
        return { affected };
      }
      case 'delete':
        return { affected: run(`DELETE FROM contacts WHERE id IN (SELECT c.id ${where})`) };
    }
  })();
}
