import { create } from 'zustand';

/** Email content beyond subject and body: attachments (EmailContent in the contract). */
export interface EmailExtras {
  /** Campaign-wide files, absolute paths. */
  attachments: string[];
  /** Folder holding per-contact files. */
  attachmentFolder: string;
  /** Contact attribute naming each contact's file in the folder; '' = none. */
  attachmentColumn: string;
}

interface EmailExtrasState extends EmailExtras {
  setExtras: (patch: Partial<EmailExtras>) => void;
  resetExtras: () => void;
}

const EMPTY: EmailExtras = { attachments: [], attachmentFolder: '', attachmentColumn: '' };

/** The composer's email extras; kept apart from the draft store so the email editor owns them. */
export const useEmailExtras = create<EmailExtrasState>((set) => ({
  ...EMPTY,
  setExtras: (patch) => set(patch),
  resetExtras: () => set(EMPTY),
}));

/** The extras to spread into the draft's `email` (buildDraft) and the test email. */
export function emailDraftExtras(): EmailExtras {
  const { attachments, attachmentFolder, attachmentColumn } = useEmailExtras.getState();
  return { attachments, attachmentFolder, attachmentColumn };
}
