import { z } from 'zod';
import { Empty, Id } from './common';
import { type Contact, CountryCode, type ImportIssue, type ImportSummary } from './domain';
import type { AppErrorShape } from './result';

/** Largest CSV accepted by the one-shot `contacts:import`, in characters (larger files use the upload). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** Bytes per upload chunk the renderer sends (1 MiB, base64-encoded in the request). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** Largest file accepted for import, in bytes (4 GiB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * What an import column feeds. `company` is kept as the attribute `company`; `tags` holds tag names
 * (separated by `,` `;` or ` ::: `); `*_opt_out` columns are "unsubscribed" flags (yes = denied);
 * `attribute` keeps the column as a template variable; `ignore` drops it.
 */
export const ColumnField = z.enum([
  'first_name',
  'last_name',
  'full_name',
  'email',
  'phone',
  'language',
  'company',
  'email_consent',
  'whatsapp_consent',
  'email_opt_out',
  'whatsapp_opt_out',
  /** The channel the contact prefers: email / e-mail / mail / correo / courriel → email; whatsapp / wa → whatsapp. */
  'preferred_channel',
  'tags',
  'attribute',
  'ignore',
]);
export type ColumnField = z.infer<typeof ColumnField>;

/**
 * Template-friendly lower snake case key for a column kept as an attribute ("Company Name" →
 * `company_name`, "Société" → `societe`). Falls back to `column_<n>` (1-based `index + 1`) when nothing
 * usable is left and prefixes `col_` when the key would start with a digit (Liquid names cannot).
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

/** What an import does to a contact that already exists (same email or phone). */
export const ExistingPolicy = z.enum(['fill', 'overwrite', 'skip']);
export type ExistingPolicy = z.infer<typeof ExistingPolicy>;

/** How to read an uploaded file; each value overrides Herald's guess. */
export const ReadOptions = z.object({
  encoding: z.string().max(40).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  sheet: z.string().max(200).optional(),
});
export type ReadOptions = z.infer<typeof ReadOptions>;

/** An upload's id (hex). */
export const UploadId = z.string().regex(/^[a-f0-9]{32}$/, 'Unknown upload.');
/** An import job's id. */
export const JobId = z.string().regex(/^[a-f0-9]{16}$/, 'Unknown import job.');

/** What to import and how: the upload, reading options, one field per column, and where contacts go. */
export const ImportStartInput = z.object({
  uploadId: UploadId,
  read: ReadOptions.default({}),
  /** One field per column of the header, in order; missing: the remembered mapping, else the guess. */
  fields: z.array(ColumnField).max(2000).optional(),
  defaultCountry: CountryCode.optional(),
  existing: ExistingPolicy.default('fill'),
  /** Add every contact of the file to this list: an existing one (`id`) or a new or same-named one. */
  list: z.union([z.object({ id: Id }), z.object({ name: z.string().trim().min(1).max(200) })]).optional(),
  /** Tag every contact of the file. */
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** Read and check everything, write nothing (the wizard's summary; the CLI's --dry-run). */
  dryRun: z.boolean().default(false),
});
export type ImportStartInput = z.infer<typeof ImportStartInput>;

/** Running counts of an import (see the CLI's JSON for their exact meaning). */
export interface ImportCounts {
  rows: number;
  valid: number;
  imported: number;
  updated: number;
  /** Rows matching a contact saved before this import. */
  existing: number;
  duplicates: number;
  invalidPhone: number;
  invalidEmail: number;
  noChannel: number;
  /** Problems reported so far. */
  issues: number;
}

/** What an import job did (or, in a dry run, would do). `issues` holds the first 200 problems. */
export interface ImportResult extends ImportCounts {
  importId: number | null;
  fileName: string;
  encoding: string | null;
  delimiter: string | null;
  mapping: Record<string, string>;
  listId: number | null;
  firstIssues: ImportIssue[];
}

/** An import job as `contacts:importStatus` and the `import:progress` event report it. */
export interface ImportJobStatus {
  jobId: string;
  fileName: string;
  dryRun: boolean;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Bytes of the file read so far, and its size (for the progress bar). */
  bytesRead: number;
  totalBytes: number;
  counts: ImportCounts;
  result: ImportResult | null;
  error: AppErrorShape | null;
  startedAt: number;
  finishedAt: number | null;
}

/** The first rows of an uploaded file as Herald reads it, with its guesses. */
export interface ImportPreview {
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  detectedEncoding: string | null;
  delimiter: string | null;
  detectedDelimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** Up to 50 data rows, each as wide as `headers`. */
  rows: { line: number; fields: string[] }[];
  /** One field per column: the mapping remembered for this header set, else the guess. */
  fields: ColumnField[];
  guessed: ColumnField[];
  remembered: boolean;
  /** Notes about the header (renamed duplicate names…) and problems in the previewed rows. */
  warnings: string[];
  issues: ImportIssue[];
}

/** Consent filter values: recorded yes, recorded no, nothing recorded. */
export const ConsentFilter = z.enum(['granted', 'denied', 'unknown']);

/** Audience filters shared by the contacts table, bulk actions and export. */
export const ContactFilter = z.object({
  search: z.string().max(200).optional(),
  listId: Id.optional(),
  tagId: Id.optional(),
  importId: Id.optional(),
  emailConsent: ConsentFilter.optional(),
  whatsappConsent: ConsentFilter.optional(),
  hasEmail: z.boolean().optional(),
  /** A phone that is not a fixed line (fixed lines are unlikely to have WhatsApp). */
  hasWhatsApp: z.boolean().optional(),
  /** On the suppression list of either channel. */
  suppressed: z.boolean().optional(),
});
export type ContactFilter = z.infer<typeof ContactFilter>;

/** The channel a contact prefers (the `preferred` channel mode sends only on it). */
export const PreferredChannel = z.enum(['email', 'whatsapp']);
export type PreferredChannel = z.infer<typeof PreferredChannel>;

/** A contact in the audience table. Consent: 'granted' | 'denied' | null (unknown). */
export interface AudienceContact extends Contact {
  phoneType: string | null;
  language: string | null;
  emailConsent: string | null;
  whatsappConsent: string | null;
  /** The channel the contact asked for (used by the `preferred` channel mode); null = none. */
  preferredChannel: PreferredChannel | null;
  suppressedEmail: boolean;
  suppressedWhatsApp: boolean;
  lists: string[];
  tags: string[];
  updatedAt: number;
}

/** Editable contact fields; `null` clears a field, a missing key keeps it. */
export const ContactPatch = z.object({
  firstName: z.string().trim().max(200).nullable().optional(),
  lastName: z.string().trim().max(200).nullable().optional(),
  email: z.string().trim().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  language: z.string().trim().max(35).nullable().optional(),
  emailConsent: z.enum(['granted', 'denied']).nullable().optional(),
  whatsappConsent: z.enum(['granted', 'denied']).nullable().optional(),
  preferredChannel: PreferredChannel.nullable().optional(),
  attributes: z.record(z.string().max(100), z.string().max(65_536)).optional(),
});

/** An import in the history. */
export interface ImportRecordView {
  id: number;
  fileName: string;
  imported: number;
  updated: number;
  rows: number;
  status: string;
  issueCount: number;
  createdAt: number;
}

/** contacts:* request schemas. */
export const contactsRequests = {
  /** One-shot import of small CSV text (runs the same job; prefer the upload for files). */
  'contacts:import': z.object({
    fileName: z.string().min(1).max(255),
    content: z.string().max(MAX_IMPORT_CHARS, 'The file is too large for this import path.'),
    defaultCountry: CountryCode.optional(),
  }),
  'contacts:uploadBegin': z.object({
    fileName: z.string().trim().min(1).max(255),
    size: z.number().int().min(0).max(MAX_UPLOAD_BYTES, 'The file is larger than 4 GB.'),
  }),
  /** Chunk `index` (0-based, in order) of ≤ 1 MiB, base64. */
  'contacts:uploadChunk': z.object({
    uploadId: UploadId,
    index: z.number().int().min(0),
    data: z.base64().max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 4),
  }),
  'contacts:uploadEnd': z.object({ uploadId: UploadId }),
  'contacts:uploadDiscard': z.object({ uploadId: UploadId }),
  'contacts:importPreview': z.object({ uploadId: UploadId, read: ReadOptions.default({}) }),
  'contacts:importStart': ImportStartInput,
  'contacts:importStatus': z.object({ jobId: JobId }),
  'contacts:importCancel': z.object({ jobId: JobId }),
  /** An import's problems in line order, keyset-paged (for the downloadable report). */
  'contacts:importIssues': z.object({
    importId: Id,
    afterId: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(5000).default(1000),
  }),
  'contacts:list': ContactFilter.extend({
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset cursor: the last id of the previous page. */
    afterId: z.number().int().min(0).optional(),
    /** Start at the n-th matching contact instead (a jump in the virtualised table). */
    offset: z.number().int().min(0).optional(),
  }),
  'contacts:update': z.object({ id: Id, patch: ContactPatch }),
  'contacts:delete': z.object({ ids: z.array(Id).min(1).max(100_000) }),
  'contacts:imports': Empty,
} as const;

/** Outputs of {@link contactsRequests}. */
export interface ContactsOutputs {
  'contacts:import': ImportSummary;
  'contacts:uploadBegin': { uploadId: string; chunkBytes: number };
  'contacts:uploadChunk': { received: number };
  'contacts:uploadEnd': { bytes: number };
  'contacts:uploadDiscard': { ok: true };
  'contacts:importPreview': ImportPreview;
  'contacts:importStart': ImportJobStatus;
  'contacts:importStatus': ImportJobStatus;
  'contacts:importCancel': ImportJobStatus;
  'contacts:importIssues': { rows: (ImportIssue & { id: number })[]; nextAfterId: number | null };
  'contacts:list': { rows: AudienceContact[]; total: number; nextAfterId: number | null };
  'contacts:update': AudienceContact;
  'contacts:delete': { deleted: number };
  'contacts:imports': ImportRecordView[];
}
