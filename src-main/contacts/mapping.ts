import { CONTACT_FIELDS } from '../contract';

/** What a CSV column feeds: a contact field, a full name to split, or a free attribute. */
export type MappedField =
  'first_name' | 'last_name' | 'full_name' | 'email' | 'phone' | 'language' | 'attribute';

/** One column's role. `key` is the attribute key for `attribute` columns, else the field name. */
export interface ColumnPlan {
  index: number;
  header: string;
  field: MappedField;
  key: string;
}

/** Header tokens (see `headerToken`) by field, in English, German, French, Spanish and Portuguese. */
const SYNONYMS: Record<Exclude<MappedField, 'attribute' | 'phone'>, readonly string[]> = {
  first_name: ['firstname', 'first', 'givenname', 'forename', 'vorname', 'prenom', 'nombre', 'primeironome'],
  last_name: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'nachname',
    'familienname',
    'nom',
    'nomdefamille',
    'apellido',
    'apellidos',
    'sobrenome',
  ],
  full_name: [
    'name',
    'fullname',
    'displayname',
    'contactname',
    'nomcomplet',
    'nombrecompleto',
    'nomecompleto',
    'vollstandigername',
  ],
  email: [
    'email',
    'emailaddress',
    'emailadresse',
    'mail',
    'mailaddress',
    'courriel',
    'adressemail',
    'adresseemail',
    'correo',
    'correoelectronico',
    'emailadres',
  ],
  language: ['language', 'lang', 'preferredlanguage', 'locale', 'sprache', 'langue', 'idioma', 'lingua'],
};

/** Phone-like header tokens by preference: WhatsApp first, then mobile, then any other phone. */
const MOBILE = [
  'mobile',
  'mobilephone',
  'mobilenumber',
  'mobil',
  'mobiltelefon',
  'mobilnummer',
  'handy',
  'handynummer',
  'cell',
  'cellphone',
  'cellular',
  'celular',
  'movil',
  'telefonomovil',
  'portable',
  'telephoneportable',
  'telemovel',
];
const PHONE = [
  'phone',
  'phonenumber',
  'telephone',
  'telephonenumber',
  'tel',
  'telefon',
  'telefonnummer',
  'telefono',
  'telefone',
  'numerodetelephone',
  'numerodetelefono',
];

/** Field names a template already uses; an attribute must not shadow them. */
const RESERVED = new Set<string>([...CONTACT_FIELDS, 'language']);

/** Case-, accent- and punctuation-insensitive form of a header: "E-Mail Adresse" → `emailadresse`. */
export function headerToken(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Template-friendly lower snake case key for a header ("Company Name" → `company_name`,
 * "Société" → `societe`). Falls back to `column_<n>` (1-based) when nothing usable is left and
 * prefixes `col_` when the key would start with a digit (Liquid names cannot).
 */
export function attributeKey(header: string, index: number): string {
  const key = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (key === '') return `column_${index + 1}`;
  return /^\d/.test(key) ? `col_${key}` : key;
}

function phoneRank(token: string): number | null {
  if (token.includes('whatsapp')) return 0;
  if (MOBILE.includes(token)) return 1;
  if (PHONE.includes(token)) return 2;
  return null;
}

function fieldOf(token: string): Exclude<MappedField, 'attribute' | 'phone'> | null {
  for (const [field, names] of Object.entries(SYNONYMS)) {
    if (names.includes(token)) return field as keyof typeof SYNONYMS;
  }
  return null;
}

/**
 * Decides every column's role from its header. Each contact field takes the first column that names
 * it; of several phone-like columns the WhatsApp one wins, then a mobile one, then the first other.
 * Every other column becomes an attribute under a unique key that shadows no contact field
 * (a second "Phone" column becomes `phone_2`).
 */
export function planColumns(headers: readonly string[]): ColumnPlan[] {
  const tokens = headers.map(headerToken);
  let phoneIndex = -1;
  let bestRank = Number.POSITIVE_INFINITY;
  tokens.forEach((t, i) => {
    const rank = phoneRank(t);
    if (rank !== null && rank < bestRank) [phoneIndex, bestRank] = [i, rank];
  });
  const taken = new Set<string>();
  const plan: ColumnPlan[] = headers.map((header, index) => {
    const field = index === phoneIndex ? 'phone' : fieldOf(tokens[index] ?? '');
    if (field && !taken.has(field)) {
      taken.add(field);
      return { index, header, field, key: field };
    }
    return { index, header, field: 'attribute', key: '' };
  });
  const used = new Set<string>(RESERVED);
  for (const col of plan) {
    if (col.field !== 'attribute') continue;
    const base = attributeKey(col.header, col.index);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    col.key = key;
  }
  return plan;
}

/**
 * Guesses each column's field from its header ("First Name", "Vorname", "Prénom", "E-mail Address",
 * "WhatsApp", "Téléphone", …). Keys are the original headers; when a header repeats, its first
 * column's role is reported. Attribute keys come from `planColumns`.
 */
export function guessMapping(headers: string[]): Record<string, MappedField> {
  return mappingOf(planColumns(headers));
}

/** Header → field for a plan; a repeated header reports its first column's role. */
export function mappingOf(plan: readonly ColumnPlan[]): Record<string, MappedField> {
  const mapping: Record<string, MappedField> = {};
  for (const col of plan) {
    if (!Object.hasOwn(mapping, col.header)) mapping[col.header] = col.field;
  }
  return mapping;
}
