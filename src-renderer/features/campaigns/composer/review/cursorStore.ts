import { create } from 'zustand';

/** A set of recipients being stepped through (the ones a lint problem affects). */
export interface RecipientFilter {
  label: string;
  contactIds: number[];
}

/** Where the per-recipient preview is: all recipients (with a search) or a problem's recipients. */
export interface CursorState {
  /** 0-based position among the recipients shown. */
  index: number;
  search: string;
  filter: RecipientFilter | null;
  go: (index: number) => void;
  setSearch: (search: string) => void;
  showProblem: (filter: RecipientFilter | null) => void;
  reset: () => void;
}

/** The review cursor; kept in a store so the lint panel can point the preview at a problem. */
export const useCursor = create<CursorState>((set) => ({
  index: 0,
  search: '',
  filter: null,
  go: (index) => set({ index: Math.max(0, index) }),
  setSearch: (search) => set({ search, index: 0, filter: null }),
  showProblem: (filter) => set({ filter, index: 0 }),
  reset: () => set({ index: 0, search: '', filter: null }),
}));
