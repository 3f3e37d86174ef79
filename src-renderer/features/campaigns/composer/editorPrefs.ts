import { create } from 'zustand';

/** How the email body is edited: rich text (tiptap) or raw HTML. */
export type EmailEditorMode = 'rich' | 'html';

/**
 * The email editor's mode as the user chose it, so it survives leaving and re-entering the Content
 * step; null = not chosen (the editor picks from the body).
 */
export const useEditorPrefs = create<{
  emailMode: EmailEditorMode | null;
  setEmailMode: (m: EmailEditorMode | null) => void;
}>((set) => ({ emailMode: null, setEmailMode: (emailMode) => set({ emailMode }) }));
