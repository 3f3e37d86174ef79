import { z } from 'zod';
import { Empty, Id } from './common';
import { ContactFilter, UploadId } from './api-contacts';
import { Channel, CountryCode } from './domain';

/** A contact list or a tag with how many contacts it has. */
export interface GroupSummary {
  id: number;
  name: string;
  contacts: number;
  createdAt: number;
}

/** One suppressed address: never messaged on `channel`. `address`: lower-cased email or E.164 phone. */
export interface Suppression {
  id: number;
  channel: Channel;
  address: string;
  reason: string;
  source: string;
  createdAt: number;
}

/** The contacts a bulk action applies to: chosen ids, or every contact matching a filter. */
export const BulkTarget = z.union([
  z.object({ ids: z.array(Id).min(1).max(100_000) }).strict(),
  z.object({ filter: ContactFilter }).strict(),
]);
export type BulkTarget = z.infer<typeof BulkTarget>;

/** What a bulk action does. `suppress` adds the contacts' addresses on that channel (or both). */
export const BulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addToList'), listId: Id }),
  z.object({ type: z.literal('removeFromList'), listId: Id }),
  z.object({ type: z.literal('tag'), tagId: Id }),
  z.object({ type: z.literal('untag'), tagId: Id }),
  z.object({
    type: z.literal('suppress'),
    channel: z.union([Channel, z.literal('both')]),
    reason: z.string().trim().min(1).max(200).default('Suppressed by the user'),
  }),
  z.object({ type: z.literal('delete') }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

const GroupName = z.string().trim().min(1, 'Enter a name.').max(200);
const Page = {
  afterId: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(5000).default(100),
};

/** lists:*, tags:*, suppressions:* and the bulk and export actions on contacts. */
export const audienceRequests = {
  'contacts:bulk': z.object({ target: BulkTarget, action: BulkAction }),
  /**
   * One page of the matching contacts as CSV (header on the first page); formula-safe cells. The first
   * page returns the attribute `columns`; pass them back with the next pages.
   */
  'contacts:export': z.object({
    filter: ContactFilter.default({}),
    columns: z.array(z.string().max(200)).max(2000).optional(),
    ...Page,
  }),
  'lists:list': Empty,
  'lists:create': z.object({ name: GroupName }),
  'lists:rename': z.object({ id: Id, name: GroupName }),
  'lists:delete': z.object({ id: Id }),
  'tags:list': Empty,
  'tags:create': z.object({ name: GroupName }),
  'tags:rename': z.object({ id: Id, name: GroupName }),
  'tags:delete': z.object({ id: Id }),
  'suppressions:list': z.object({
    channel: Channel.optional(),
    search: z.string().max(200).optional(),
    ...Page,
  }),
  /** Adds addresses (emails, or phones read with `defaultCountry`) to a channel's list. */
  'suppressions:add': z.object({
    channel: Channel,
    addresses: z.array(z.string().max(320)).min(1).max(100_000),
    reason: z.string().trim().min(1).max(200).default('Added by the user'),
    defaultCountry: CountryCode.optional(),
  }),
  /** Adds every address of an uploaded CSV/xlsx (its email or phone column, or its first column). */
  'suppressions:import': z.object({
    uploadId: UploadId,
    channel: Channel,
    reason: z.string().trim().min(1).max(200).default('Imported suppression list'),
    defaultCountry: CountryCode.optional(),
  }),
  'suppressions:remove': z.object({ ids: z.array(Id).min(1).max(100_000) }),
  'suppressions:export': z.object({ channel: Channel.optional(), ...Page }),
} as const;

/** Addresses that could not be added, with why. */
export interface SuppressionAddResult {
  added: number;
  already: number;
  invalid: { value: string; message: string }[];
}

/** Outputs of {@link audienceRequests}. */
export interface AudienceOutputs {
  'contacts:bulk': { affected: number };
  'contacts:export': { csv: string; rows: number; nextAfterId: number | null; columns: string[] };
  'lists:list': GroupSummary[];
  'lists:create': GroupSummary;
  'lists:rename': GroupSummary;
  'lists:delete': { ok: true };
  'tags:list': GroupSummary[];
  'tags:create': GroupSummary;
  'tags:rename': GroupSummary;
  'tags:delete': { ok: true };
  'suppressions:list': { rows: Suppression[]; total: number; nextAfterId: number | null };
  'suppressions:add': SuppressionAddResult;
  'suppressions:import': SuppressionAddResult;
  'suppressions:remove': { removed: number };
  'suppressions:export': { csv: string; rows: number; nextAfterId: number | null };
}
