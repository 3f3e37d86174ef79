import { create } from 'zustand';
import type { AppErrorShape, Contact, RequestOutput } from '../../../src-main/contract';
import { api } from '../../lib/api';

const PAGE_SIZE = 100;

/** One earlier import, for the audience picker. */
export type ImportRecord = RequestOutput<'contacts:imports'>[number];

/** The contacts table (keyset-paged) and the list of earlier imports. */
export interface ContactsState {
  rows: Contact[];
  /** Contacts matching the search; null before the first answer. */
  total: number | null;
  nextAfterId: number | null;
  search: string;
  loading: boolean;
  loadingMore: boolean;
  error: AppErrorShape | null;
  imports: ImportRecord[];
  /** Loads the first page for `search` (answers to older searches are dropped). */
  load: (search: string) => Promise<void>;
  loadMore: () => Promise<void>;
  /** Reloads the first page with the current search, and the imports. */
  refresh: () => Promise<void>;
  loadImports: () => Promise<void>;
}

let requestSeq = 0;

/** Contacts store shared by the contacts page and the first-run hint. */
export const useContacts = create<ContactsState>((set, get) => ({
  rows: [],
  total: null,
  nextAfterId: null,
  search: '',
  loading: false,
  loadingMore: false,
  error: null,
  imports: [],
  async load(search) {
    const seq = ++requestSeq;
    set({ search, loading: true });
    const r = await api.invoke('contacts:list', { search: search || undefined, limit: PAGE_SIZE });
    if (seq !== requestSeq) return;
    if (r.ok)
      set({ rows: r.value.rows, total: r.value.total, nextAfterId: r.value.nextAfterId, error: null });
    else set({ error: r.error });
    set({ loading: false });
  },
  async loadMore() {
    const { nextAfterId, search, loadingMore } = get();
    if (nextAfterId === null || loadingMore) return;
    const seq = requestSeq;
    set({ loadingMore: true });
    const r = await api.invoke('contacts:list', {
      search: search || undefined,
      limit: PAGE_SIZE,
      afterId: nextAfterId,
    });
    set({ loadingMore: false });
    if (seq !== requestSeq) return;
    if (r.ok)
      set((s) => ({
        rows: [...s.rows, ...r.value.rows],
        total: r.value.total,
        nextAfterId: r.value.nextAfterId,
      }));
    else set({ error: r.error });
  },
  async refresh() {
    await Promise.all([get().load(get().search), get().loadImports()]);
  },
  async loadImports() {
    const r = await api.invoke('contacts:imports', {});
    if (r.ok) set({ imports: r.value });
  },
}));
