import type { z } from 'zod';
import { type AppOutputs, appRequests } from './api-app';
import { type AudienceOutputs, audienceRequests } from './api-audience';
import { type CampaignsOutputs, campaignsRequests } from './api-campaigns';
import { type ContactsOutputs, contactsRequests } from './api-contacts';
import { type EmailOutputs, emailRequests } from './api-email';
import { type LibraryOutputs, libraryRequests } from './api-library';
import { type PlanOutputs, planRequests } from './api-plan';
import { type ReviewOutputs, reviewRequests } from './api-review';
import { type TemplatesOutputs, templatesRequests } from './api-templates';

/**
 * Request schemas by channel (`domain:action`), one file per domain (api-*.ts). Every input arrives
 * as `unknown` and is parsed with these.
 */
export const requestSchemas = {
  ...appRequests,
  ...contactsRequests,
  ...audienceRequests,
  ...templatesRequests,
  ...campaignsRequests,
  ...libraryRequests,
  ...emailRequests,
  ...planRequests,
  ...reviewRequests,
} as const;

export type RequestChannel = keyof typeof requestSchemas;
/** What the caller passes (defaults optional). */
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;
/** What the handler receives after parsing. */
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>;

/** Output type by channel. */
export type RequestOutputs = AppOutputs &
  ContactsOutputs &
  AudienceOutputs &
  TemplatesOutputs &
  CampaignsOutputs &
  LibraryOutputs &
  EmailOutputs &
  PlanOutputs &
  ReviewOutputs;
export type RequestOutput<C extends RequestChannel> = RequestOutputs[C];

/** Every channel has an output type and vice versa. */
type _Exhaustive = [
  Exclude<RequestChannel, keyof RequestOutputs>,
  Exclude<keyof RequestOutputs, RequestChannel>,
] extends [never, never]
  ? true
  : never;
export const _contractIsExhaustive: _Exhaustive = true;
