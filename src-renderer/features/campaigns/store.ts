import { create } from 'zustand';
import type { AppErrorShape, CampaignProgress, CampaignSummary } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** Where the Campaigns page is: the list, the composer, or one campaign. */
export type CampaignRoute = { view: 'list' } | { view: 'compose' } | { view: 'campaign'; id: number };

/** Campaign list and the Campaigns page's route. */
export interface CampaignsState {
  route: CampaignRoute;
  list: CampaignSummary[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  go: (route: CampaignRoute) => void;
  /** Adds or replaces one campaign in the list (after create). */
  upsert: (c: CampaignSummary) => void;
  /** Applies a progress event to the matching list entry. */
  applyProgress: (p: CampaignProgress) => void;
}

/** The campaigns store. */
export const useCampaigns = create<CampaignsState>((set, get) => ({
  route: { view: 'list' },
  list: [],
  loaded: false,
  loading: false,
  error: null,
  async load() {
    if (get().loading) return;
    set({ loading: true });
    const r = await api.invoke('campaigns:list', {});
    if (r.ok) set({ list: r.value, loaded: true, loading: false, error: null });
    else set({ loading: false, error: r.error });
  },
  go(route) {
    set({ route });
  },
  upsert(c) {
    set((s) => ({ list: [c, ...s.list.filter((x) => x.id !== c.id)] }));
  },
  applyProgress(p) {
    set((s) => ({
      list: s.list.map((c) =>
        c.id === p.campaignId ? { ...c, status: p.status, done: p.done, total: p.total } : c,
      ),
    }));
  },
}));
