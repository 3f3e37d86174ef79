import type { SettingsService } from '../settings/service';
import type { CampaignRunner } from '../sending/runner';
import type { SenderOptions } from '../sending/senders';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';

/** The services the handler maps share, built once by the composition root (app.ts). */
export interface Services {
  store: Store;
  events: EventBus;
  settings: SettingsService;
  runner: CampaignRunner;
  options: SenderOptions;
}
