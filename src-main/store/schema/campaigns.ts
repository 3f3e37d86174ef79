import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './common';

/**
 * A campaign and the content it sends. `draft` is the composer's CampaignDraft, frozen at creation.
 * `scheduledAt`: when a `scheduled` campaign starts (ms); `dryRun`: 1 when it goes through everything
 * but the network; `autoResume`: 1 while the engine paused it itself (network lost) and resumes it.
 */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  channelMode: text('channel_mode').notNull(),
  status: text('status').notNull().default('draft'),
  statusReason: text('status_reason'),
  draft: text('draft', { mode: 'json' }).notNull(),
  createdAt: integer('created_at').notNull().default(now),
  startedAt: integer('started_at'),
  finishedAt: integer('finished_at'),
  scheduledAt: integer('scheduled_at'),
  dryRun: integer('dry_run').notNull().default(0),
  autoResume: integer('auto_resume').notNull().default(0),
});

/**
 * The durable outbox: one row per (campaign, contact, channel). A row in `sending` at start-up was
 * in flight during a crash and becomes `unknown`; it is never re-sent without the user.
 * `errorAction` is the class of the last error (RETRY, PAUSE, TEMPLATE, FAIL): "Retry failed" takes
 * the rows whose retries ran out.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').notNull(),
    channel: text('channel').notNull(),
    /** E.164 phone or email address, frozen when the outbox was materialised. */
    address: text('address'),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorAction: text('error_action'),
    skipReason: text('skip_reason'),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('outbox_campaign_contact_channel_uq').on(t.campaignId, t.contactId, t.channel),
    index('outbox_due_idx').on(t.campaignId, t.state, t.nextAttemptAt),
    index('outbox_claim_idx').on(t.campaignId, t.channel, t.state, t.nextAttemptAt),
  ],
);

/**
 * Quota usage: the last time each address was messaged on a channel (ms). The unique recipients of
 * a rolling 24 h are the rows with `lastAt` inside it (whatsapp-cloud-api.md, "Messaging limit").
 * Shared by every campaign and kept across restarts.
 */
export const quotaUsage = sqliteTable(
  'quota_usage',
  {
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    lastAt: integer('last_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.address] }),
    index('quota_usage_at_idx').on(t.channel, t.lastAt),
  ],
);
