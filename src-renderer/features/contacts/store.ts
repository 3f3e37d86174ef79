import { create } from 'zustand';
import type { RequestOutput } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** One earlier import, for the audience picker. */
export type ImportRecord = RequestOutput<'contacts:imports'>[number];

/** The import history (the campaign composer's audience picker uses it). */
export interface ContactsState {
  imports: ImportRecord[];
  /** Reloads the import history. */
  refresh: () => Promise<void>;
  loadImports: () => Promise<void>;
}

/** Contacts store shared with the campaign composer. */
export const useContacts = create<ContactsState>((set, get) => ({
  imports: [],
  async refresh() {
    await get().loadImports();
  },
  async loadImports() {
    const r = await api.invoke('contacts:imports', {});
    if (r.ok) set({ imports: r.value });
  },
}));
