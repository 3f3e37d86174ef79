import type { z } from 'zod';
import { AppError, type AudienceContact, type ContactPatch } from '../contract';
import type { Store } from '../store/db';
import { isNormaliseError, normaliseEmail, normalisePhone } from './normalise';
import { getAudienceContact } from './repo';

/**
 * Applies the user's edit to one contact: names, language, consent and attributes as given (`null`
 * clears), the email normalised (lower case) and the phone to E.164 with `defaultCountry`. A contact
 * must keep an email or a phone. Throws AppError('not_found'), ('invalid_input') with what to fix,
 * or ('conflict') when another contact already has the email or phone.
 */
export function updateContact(
  store: Store,
  id: number,
  patch: z.infer<typeof ContactPatch>,
  defaultCountry: string,
): AudienceContact {
  const before = getAudienceContact(store, id);
  if (!before) throw new AppError('not_found', 'This contact no longer exists.');
  const set: Record<string, string | null> = {};
  const text = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null || v === '' ? null : v;
  for (const [key, col] of [
    ['firstName', 'first_name'],
    ['lastName', 'last_name'],
    ['language', 'language'],
    ['emailConsent', 'email_consent'],
    ['whatsappConsent', 'whatsapp_consent'],
    ['preferredChannel', 'preferred_channel'],
  ] as const) {
    const v = text(patch[key]);
    if (v !== undefined) set[col] = v;
  }
  const email = text(patch.email);
  if (email !== undefined) {
    const e = email === null ? null : normaliseEmail(email);
    if (isNormaliseError(e)) throw new AppError('invalid_input', e.error);
    set.email = e;
  }
  const phone = text(patch.phone);
  if (phone !== undefined) {
    const p = phone === null ? null : normalisePhone(phone, defaultCountry);
    if (isNormaliseError(p)) throw new AppError('invalid_input', p.error);
    set.phone = p?.e164 ?? null;
    set.phone_type = p?.type ?? null;
  }
  if (patch.attributes) set.attributes = JSON.stringify(patch.attributes);
  const nextEmail = 'email' in set ? set.email : before.email;
  const nextPhone = 'phone' in set ? set.phone : before.phone;
  if (!nextEmail && !nextPhone)
    throw new AppError('invalid_input', 'A contact needs an email address or a phone number.');
  for (const [col, value] of [
    ['email', nextEmail],
    ['phone', nextPhone],
  ] as const) {
    if (value && store.sqlite.prepare(`SELECT 1 FROM contacts WHERE ${col} = ? AND id <> ?`).get(value, id))
      throw new AppError(
        'conflict',
        `Another contact already has the ${col === 'email' ? 'email address' : 'phone number'} ${value}.`,
      );
  }
  const cols = Object.keys(set);
  if (cols.length > 0) {
    store.sqlite
      .prepare(
        `UPDATE contacts SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
      )
      .run({ ...set, now: Date.now(), id });
  }
  return getAudienceContact(store, id)!;
}

/** Deletes contacts by id (memberships go with them); returns how many were deleted. */
export function deleteContacts(store: Store, ids: readonly number[]): { deleted: number } {
  const del = store.sqlite.prepare('DELETE FROM contacts WHERE id = ?');
  let deleted = 0;
  store.sqlite.transaction(() => {
    for (const id of ids) deleted += del.run(id).changes;
  })();
  return { deleted };
}
