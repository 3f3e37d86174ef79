import type { CampaignProgress } from './domain';

/** Push events from the main process; progress is throttled to ≤ 10 events/s per job. */
export interface EventPayloads {
  'campaign:progress': CampaignProgress;
  'import:progress': { fileName: string; rowsRead: number; done: boolean };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = ['campaign:progress', 'import:progress'];
