import { openStore, type Store } from '../../src-main/store/db';
import { runMigrations } from '../../src-main/store/migrate';

/** Mobile number stems per country (valid for libphonenumber), completed with 6 digits from the index. */
const STEMS = ['+447700', '+1415555', '+4915123', '+3361234', '+55119876', '+9198765'];

/** What `seedAudience` created, for assertions and benchmarks. */
export interface SeededAudience {
  /** List 1: contacts with an even index; list 2: index divisible by 3. */
  lists: [number, number];
  /** Tag 1: index divisible by 4. */
  tags: [number];
  templateId: number;
}

/**
 * Seeds `n` contacts with a deterministic mix (index i from 0): no email when i % 10 = 9, no phone when
 * i % 7 = 6, email declined when i % 13 = 0, WhatsApp declined when i % 17 = 0, preferred channel email
 * (i % 5 = 0) or WhatsApp (i % 5 = 1), languages en / en-GB / de / fr, attribute `city`, ~1% suppressed
 * per channel, a MARKETING template, and quota usage for the first `usage` WhatsApp numbers.
 */
export function seedAudience(store: Store, n: number, usage = 0, now = Date.now()): SeededAudience {
  const db = store.sqlite;
  const seed = db.transaction(() => {
    const l1 = Number(db.prepare("INSERT INTO lists (name) VALUES ('Even')").run().lastInsertRowid);
    const l2 = Number(db.prepare("INSERT INTO lists (name) VALUES ('Thirds')").run().lastInsertRowid);
    const t1 = Number(db.prepare("INSERT INTO tags (name) VALUES ('Fours')").run().lastInsertRowid);
    const contact = db.prepare(
      `INSERT INTO contacts (first_name, email, phone, phone_type, language, email_consent, whatsapp_consent,
         preferred_channel, attributes) VALUES (?, ?, ?, 'MOBILE', ?, ?, ?, ?, ?)`,
    );
    const member = db.prepare('INSERT INTO list_members (list_id, contact_id) VALUES (?, ?)');
    const tagged = db.prepare('INSERT INTO contact_tags (tag_id, contact_id) VALUES (?, ?)');
    const suppress = db.prepare(
      "INSERT INTO suppressions (channel, address, reason) VALUES (?, ?, 'Opted out')",
    );
    const used = db.prepare("INSERT INTO quota_usage (channel, address, last_at) VALUES ('whatsapp', ?, ?)");
    const langs = ['en', 'en-GB', 'de', 'fr'];
    for (let i = 0; i < n; i++) {
      const email = i % 10 === 9 ? null : `user${i}@example.com`;
      const phone = i % 7 === 6 ? null : `${STEMS[i % STEMS.length]}${String(i).padStart(6, '0').slice(-6)}`;
      const id = Number(
        contact.run(
          `User ${i}`,
          email,
          phone,
          langs[i % 4],
          i % 13 === 0 ? 'denied' : 'granted',
          i % 17 === 0 ? 'denied' : null,
          i % 5 === 0 ? 'email' : i % 5 === 1 ? 'whatsapp' : null,
          JSON.stringify({ city: i % 2 === 0 ? 'Paris' : 'Berlin' }),
        ).lastInsertRowid,
      );
      if (i % 2 === 0) member.run(l1, id);
      if (i % 3 === 0) member.run(l2, id);
      if (i % 4 === 0) tagged.run(t1, id);
      if (email && i % 100 === 3) suppress.run('email', email);
      if (phone && i % 100 === 4) suppress.run('whatsapp', phone);
      if (phone && i < usage) used.run(phone, now - 60_000 * (usage - i));
    }
    const tpl = db
      .prepare(
        `INSERT INTO wa_templates (meta_id, name, language, status, category, components)
         VALUES ('1', 'promo', 'en', 'APPROVED', 'MARKETING', '[]')`,
      )
      .run();
    return {
      lists: [l1, l2] as [number, number],
      tags: [t1] as [number],
      templateId: Number(tpl.lastInsertRowid),
    };
  });
  return seed();
}

/** A fresh migrated store in `file` (use a temp dir). */
export function openPlanStore(file: string): Store {
  const store = openStore(file);
  runMigrations(store, 'migrations');
  return store;
}

/** Contact columns a plan test sets (snake_case as stored); omitted ones are null (`attributes` `{}`). */
export interface ContactSeed {
  email?: string | null;
  phone?: string | null;
  phone_type?: string | null;
  first_name?: string | null;
  language?: string | null;
  email_consent?: 'granted' | 'denied' | null;
  whatsapp_consent?: 'granted' | 'denied' | null;
  preferred_channel?: string | null;
  import_id?: number | null;
  attributes?: Record<string, string>;
  lists?: number[];
  tags?: number[];
}

/** Inserts one contact (and its list and tag memberships); returns its id. */
export function addContact(store: Store, c: ContactSeed): number {
  const db = store.sqlite;
  const id = Number(
    db
      .prepare(
        `INSERT INTO contacts (first_name, email, phone, phone_type, language, email_consent, whatsapp_consent,
           preferred_channel, import_id, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.first_name ?? null,
        c.email ?? null,
        c.phone ?? null,
        c.phone_type ?? null,
        c.language ?? null,
        c.email_consent ?? null,
        c.whatsapp_consent ?? null,
        c.preferred_channel ?? null,
        c.import_id ?? null,
        JSON.stringify(c.attributes ?? {}),
      ).lastInsertRowid,
  );
  for (const l of c.lists ?? [])
    db.prepare('INSERT INTO list_members (list_id, contact_id) VALUES (?, ?)').run(l, id);
  for (const t of c.tags ?? [])
    db.prepare('INSERT INTO contact_tags (tag_id, contact_id) VALUES (?, ?)').run(t, id);
  return id;
}

/** Creates a list or tag by name; returns its id. */
export function addGroup(store: Store, kind: 'lists' | 'tags', name: string): number {
  return Number(store.sqlite.prepare(`INSERT INTO ${kind} (name) VALUES (?)`).run(name).lastInsertRowid);
}

/** Puts an address on a channel's suppression list. */
export function suppress(
  store: Store,
  channel: 'email' | 'whatsapp',
  address: string,
  reason = 'Opted out',
): void {
  store.sqlite
    .prepare('INSERT INTO suppressions (channel, address, reason) VALUES (?, ?, ?)')
    .run(channel, address, reason);
}
