import type { SettingsService } from '../settings/service';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import { LintService } from './lint-service';
import { LintWorkers } from './lint-workers';
import { PreviewService } from './preview';

/** The long-lived parts of the review step for one open database: previews and the lint threads. */
export interface ReviewRuntime {
  previews: PreviewService;
  lint: LintService;
}

const runtimes = new WeakMap<Store, ReviewRuntime>();

/** The runtime of `store`, created on first use (the lint threads open `store`'s file themselves). */
export function reviewRuntime(store: Store, events: EventBus, settings: SettingsService): ReviewRuntime {
  let rt = runtimes.get(store);
  if (!rt) {
    rt = {
      previews: new PreviewService(store, settings),
      lint: new LintService(store, events, new LintWorkers(store.sqlite.name)),
    };
    runtimes.set(store, rt);
  }
  return rt;
}

/** Stops the lint threads of `store` (a running lint rejects). */
export async function closeReviewRuntime(store: Store): Promise<void> {
  const rt = runtimes.get(store);
  if (!rt) return;
  runtimes.delete(store);
  await rt.lint.workers.close();
}
