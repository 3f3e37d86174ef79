/** Contacts: CSV import (read, map, normalise, dedupe, write) and the contacts repository. */
export { importCsv, type ImportInput } from './import';
export {
  normaliseEmail,
  normalisePhone,
  isNormaliseError,
  type NormalisedPhone,
  type NormaliseError,
} from './normalise';
export { guessMapping, planColumns, attributeKey, type MappedField, type ColumnPlan } from './mapping';
export { MAX_ISSUES } from './write';
export {
  listContacts,
  listImports,
  getContactsForAudience,
  countAudience,
  type AudienceFilter,
  type ContactRecord,
} from './repo';
