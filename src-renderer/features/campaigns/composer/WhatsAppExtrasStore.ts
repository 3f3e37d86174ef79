import { create } from 'zustand';

/** WhatsApp content beyond template and parameters (WhatsAppContent in the contract). */
export interface WhatsAppExtras {
  /** Send each contact the template in their language when an approved translation exists. */
  languageFromContact: boolean;
}

interface WhatsAppExtrasState extends WhatsAppExtras {
  setExtras: (patch: Partial<WhatsAppExtras>) => void;
  resetExtras: () => void;
}

const EMPTY: WhatsAppExtras = { languageFromContact: false };

/** The composer's WhatsApp extras; kept apart from the draft store so the WhatsApp section owns them. */
export const useWhatsAppExtras = create<WhatsAppExtrasState>((set) => ({
  ...EMPTY,
  setExtras: (patch) => set(patch),
  resetExtras: () => set(EMPTY),
}));

/** The extras to spread into the draft's `whatsapp` (buildDraft). */
export function whatsappDraftExtras(): WhatsAppExtras {
  return { languageFromContact: useWhatsAppExtras.getState().languageFromContact };
}
