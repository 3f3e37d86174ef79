import { create } from 'zustand';

/** A top-level page id (see pages.tsx). */
export type Page = string;

/** Which page is shown. */
export const useNav = create<{ page: Page; go: (page: Page) => void }>((set) => ({
  page: 'contacts',
  go: (page) => set({ page }),
}));
