import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RemoteTemplate } from '../../../src-main/channels/whatsapp/types';
import { type Store, openStore } from '../../../src-main/store/db';
import { runMigrations } from '../../../src-main/store/migrate';
import { storeTemplates } from '../../../src-main/templates/wa-library';
import { DEFAULT_TEMPLATES } from './templates';

/** The German translation of welcome_discount_template (NAMED, image header), for language tests. */
export const WELCOME_DE: RemoteTemplate = {
  id: '1339522734477772',
  name: 'welcome_discount_template',
  language: 'de',
  status: 'APPROVED',
  category: 'MARKETING',
  parameter_format: 'NAMED',
  components: [
    { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://scontent.example.com/w.png'] } },
    { type: 'BODY', text: 'Hallo {{first_name}}, mit {{discount_code}} sparst du 25 %.' },
    { type: 'FOOTER', text: 'STOP zum Abmelden' },
  ],
};

/** Every default template plus WELCOME_DE: what the library tests sync. */
export const LIBRARY_TEMPLATES: RemoteTemplate[] = [...DEFAULT_TEMPLATES, WELCOME_DE];

/** A 1×1 PNG (valid magic number and IHDR), for media uploads. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A migrated store in a temporary data folder with LIBRARY_TEMPLATES synced; `close` removes it. */
export function libraryStore(): { store: Store; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'herald-wa-'));
  const store = openStore(join(dir, 'herald.db'));
  runMigrations(store, 'migrations');
  storeTemplates(store, LIBRARY_TEMPLATES);
  return {
    store,
    dir,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts a contact (phone E.164) and returns its id. */
export function addContact(
  store: Store,
  c: { firstName: string; phone: string; language?: string; attributes?: Record<string, string> },
): number {
  const r = store.sqlite
    .prepare('INSERT INTO contacts (first_name, phone, language, attributes) VALUES (?, ?, ?, ?)')
    .run(c.firstName, c.phone, c.language ?? null, JSON.stringify(c.attributes ?? {}));
  return Number(r.lastInsertRowid);
}

/** The library id of a synced template by name and language. */
export function templateId(store: Store, name: string, language: string): number {
  const row = store.sqlite
    .prepare('SELECT id FROM wa_templates WHERE name = ? AND language = ?')
    .get(name, language) as { id: number } | undefined;
  if (!row) throw new Error(`${name}/${language} not synced`);
  return row.id;
}
