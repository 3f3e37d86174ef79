import { dirname, join } from 'node:path';
import type { Store } from '../store/db';
import type { EventBus } from '../transport/events';
import { ImportJobs } from './jobs';
import { UploadStore } from './uploads';

/** The long-lived parts of the contacts domain for one open database: uploads and import jobs. */
export interface ContactsRuntime {
  uploads: UploadStore;
  jobs: ImportJobs;
}

const runtimes = new WeakMap<Store, ContactsRuntime>();

/**
 * The runtime of `store`, created on first use: uploads go to `uploads/` beside herald.db (the data
 * folder), jobs push their progress on `events`.
 */
export function contactsRuntime(store: Store, events: EventBus): ContactsRuntime {
  let rt = runtimes.get(store);
  if (!rt) {
    rt = {
      uploads: new UploadStore(join(dirname(store.sqlite.name), 'uploads')),
      jobs: new ImportJobs(store, events),
    };
    runtimes.set(store, rt);
  }
  return rt;
}

/** Cancels running imports, waits for their threads and removes this session's uploads. */
export async function closeContactsRuntime(store: Store): Promise<void> {
  const rt = runtimes.get(store);
  if (!rt) return;
  runtimes.delete(store);
  await rt.jobs.close();
  rt.uploads.clear();
}
