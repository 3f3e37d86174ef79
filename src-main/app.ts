import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignDraft } from './contract';
import type { CredentialStore } from './credentials/store';
import { campaignsHandlers } from './handlers/campaigns';
import { closeContactsRuntime } from './contacts/runtime';
import { closeReviewRuntime } from './review/runtime';
import { audienceHandlers } from './handlers/audience';
import { contactsHandlers } from './handlers/contacts';
import { type EmailHandlerOptions, emailHandlers } from './handlers/email';
import { libraryHandlers } from './handlers/library';
import { planHandlers } from './handlers/plan';
import { reviewHandlers } from './handlers/review';
import type { Services } from './handlers/services';
import { settingsHandlers } from './handlers/settings';
import { templatesHandlers } from './handlers/templates';
import { CampaignRunner } from './sending/runner';
import { type SenderOptions, resolveRunConfig } from './sending/senders';
import { draftTemplate, prepareDraft } from './sending/prepare';
import { SettingsService } from './settings/service';
import { openStore } from './store/db';
import { runMigrations } from './store/migrate';
import { type Dispatch, type Handlers, createDispatcher } from './transport/dispatch';
import { EventBus } from './transport/events';

/** Options of the composition root. */
export interface AppOptions {
  /** Folder for herald.db (created if missing). */
  dataDir: string;
  /** drizzle-kit's migrations folder (with meta/_journal.json). */
  migrationsDir: string;
  credentials: CredentialStore;
  mode: 'electron' | 'browser';
  version: string;
  /** Pacing and pool overrides (tests, benchmarks). */
  senderOptions?: SenderOptions;
  log?: (message: string, error?: unknown) => void;
  /** Email sign-in hooks: Electron opens the system browser; tests point OAuth at a fake. */
  email?: EmailHandlerOptions;
}

/** A running Herald: the dispatch both transports call, the push events, and shutdown. */
export interface HeraldApp {
  dispatch: Dispatch;
  events: EventBus;
  isSending(): boolean;
  close(): Promise<void>;
}

/**
 * Composition root: data folder → database → migrations (refusing a newer database with
 * DatabaseTooNewError) → services → handlers. Imports nothing from 'electron'. Rows left `sending` by a
 * crash become `unknown`, and campaigns that were running resume.
 */
export async function createApp(opts: AppOptions): Promise<HeraldApp> {
  mkdirSync(opts.dataDir, { recursive: true });
  const store = openStore(join(opts.dataDir, 'herald.db'));
  try {
    runMigrations(store, opts.migrationsDir);
  } catch (e) {
    store.close();
    throw e;
  }
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[herald] ${m}`, e ?? ''));
  const events = new EventBus();
  const settings = new SettingsService(store, opts.credentials, opts.dataDir);
  const senderOptions = opts.senderOptions ?? {};
  const template = (c: { draft: CampaignDraft }) => draftTemplate(store, c.draft);
  const prepare = (c: { draft: CampaignDraft }) => prepareDraft(store, c.draft);
  const runner = new CampaignRunner({
    dbFile: join(opts.dataDir, 'herald.db'),
    template,
    store,
    events,
    prepare,
    resolve: (c, t, channels) => resolveRunConfig(settings, c, t, channels, senderOptions),
    log,
  });
  const services: Services = { store, events, settings, runner, options: senderOptions };
  const handlers: Handlers = {
    'app:info': () => ({ version: opts.version, mode: opts.mode, dataDir: opts.dataDir }),
    ...settingsHandlers(services),
    ...contactsHandlers(services),
    ...audienceHandlers(services),
    ...templatesHandlers(services),
    ...campaignsHandlers(services),
    ...emailHandlers(services, opts.email),
    ...libraryHandlers(services),
    ...planHandlers(services),
    ...reviewHandlers(services),
  };
  const dispatch = createDispatcher(handlers, (channel, e) => log(`request ${channel} failed`, e));
  const unknown = runner.recover();
  if (unknown > 0) log(`${unknown} message(s) were in flight when Herald stopped and are marked unknown`);

  return {
    dispatch,
    events,
    isSending: () => runner.isSending(),
    close: async () => {
      await runner.shutdown();
      await closeContactsRuntime(store);
      await closeReviewRuntime(store);
      store.close();
    },
  };
}
