/** Contacts: streaming import jobs (read, map, normalise, dedupe, write) and the audience repository. */
export {
  normaliseEmail,
  normalisePhone,
  isNormaliseError,
  type NormalisedPhone,
  type NormaliseError,
} from './normalise';
export {
  guessMapping,
  guessFields,
  planColumns,
  attributeKey,
  type MappedField,
  type ColumnPlan,
} from './mapping';
export { ImportJobs } from './jobs';
export { UploadStore } from './uploads';
export {
  listContacts,
  listImports,
  getContactsForAudience,
  countAudience,
  type AudienceFilter,
  type ContactRecord,
} from './repo';
