import { create } from 'zustand';

/** Top-level pages of the navbar. */
export type Page = 'contacts' | 'campaigns';

/** Which page is shown. */
export const useNav = create<{ page: Page; go: (page: Page) => void }>((set) => ({
  page: 'contacts',
  go: (page) => set({ page }),
}));
