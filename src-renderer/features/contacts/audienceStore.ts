import { create } from 'zustand';
import type { AppErrorShape, AudienceContact, ContactFilter } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** Rows per request of the virtualised table. */
export const PAGE_SIZE = 100;

/** The contacts table: filter, the total, pages loaded on demand, and the selection. */
export interface AudienceState {
  filter: ContactFilter;
  /** Contacts matching the filter; null before the first answer. */
  total: number | null;
  /** Loaded pages by page index (rows `index * PAGE_SIZE` onwards). */
  pages: Record<number, AudienceContact[]>;
  loading: boolean;
  error: AppErrorShape | null;
  /** Chosen contact ids, or every contact matching the filter (`allMatching`). */
  selected: Set<number>;
  allMatching: boolean;
  setFilter: (patch: Partial<ContactFilter>) => void;
  /** Drops the loaded pages and reloads the first one (after an import or an edit). */
  reload: () => Promise<void>;
  /** Loads the pages covering rows `from`..`to` that are not loaded yet. */
  ensure: (from: number, to: number) => void;
  toggle: (id: number) => void;
  selectAllMatching: (on: boolean) => void;
  clearSelection: () => void;
}

let generation = 0;
const inFlight = new Set<string>();

/**
 * Audience store. A page is fetched with the keyset cursor (`afterId` = last id of the page before)
 * when that page is loaded, else with `offset` (a jump of the scrollbar); answers for an older filter
 * are dropped.
 */
export const useAudience = create<AudienceState>((set, get) => {
  async function loadPage(page: number, gen: number): Promise<void> {
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const prev = get().pages[page - 1];
    const last = prev && prev.length === PAGE_SIZE ? prev[prev.length - 1] : undefined;
    const r = await api.invoke('contacts:list', {
      ...get().filter,
      limit: PAGE_SIZE,
      ...(page === 0 ? {} : last ? { afterId: last.id } : { offset: page * PAGE_SIZE }),
    });
    inFlight.delete(key);
    if (gen !== generation) return;
    if (!r.ok) {
      set({ error: r.error, loading: false });
      return;
    }
    set((s) => ({
      pages: { ...s.pages, [page]: r.value.rows },
      total: r.value.total,
      loading: false,
      error: null,
    }));
  }

  return {
    filter: {},
    total: null,
    pages: {},
    loading: false,
    error: null,
    selected: new Set(),
    allMatching: false,
    setFilter(patch) {
      const filter = { ...get().filter, ...patch };
      for (const k of Object.keys(filter) as (keyof ContactFilter)[])
        if (filter[k] === undefined || filter[k] === '') delete filter[k];
      set({ filter, selected: new Set(), allMatching: false });
      void get().reload();
    },
    async reload() {
      const gen = ++generation;
      set({ pages: {}, loading: true });
      await loadPage(0, gen);
    },
    ensure(from, to) {
      const gen = generation;
      const { pages } = get();
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++)
        if (!pages[p]) void loadPage(p, gen);
    },
    toggle(id) {
      const selected = new Set(get().selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      set({ selected, allMatching: false });
    },
    selectAllMatching(on) {
      set({ allMatching: on, selected: new Set() });
    },
    clearSelection() {
      set({ selected: new Set(), allMatching: false });
    },
  };
});

/** The contact at row `index`, if its page is loaded. */
export function rowAt(pages: AudienceState['pages'], index: number): AudienceContact | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
