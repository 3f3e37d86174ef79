import { create } from 'zustand';
import type { AppErrorShape, LibraryTemplate } from '../../../src-main/contract';
import { api } from '../../lib/api';

interface LibraryState {
  templates: LibraryTemplate[];
  loading: boolean;
  error: AppErrorShape | null;
  load(): Promise<void>;
}

/** The saved templates, reloaded after every change. */
export const useLibrary = create<LibraryState>((set) => ({
  templates: [],
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true });
    const r = await api.invoke('library:list', {});
    set(r.ok ? { templates: r.value, loading: false, error: null } : { loading: false, error: r.error });
  },
}));
