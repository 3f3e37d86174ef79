import { create } from 'zustand';
import type { AppErrorShape, RequestOutput, SettingsView } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** Tabs of the settings dialog. */
export type SettingsTab = 'general' | 'whatsapp' | 'smtp';

/** Settings as loaded from the main process, plus the dialog's open state. */
export interface SettingsState {
  view: SettingsView | null;
  info: RequestOutput<'app:info'> | null;
  loading: boolean;
  loadError: AppErrorShape | null;
  /** Bumped on every load so the forms start again from the stored values. */
  version: number;
  opened: boolean;
  tab: SettingsTab;
  load: () => Promise<void>;
  /** Records the view a save returned (the saving form resets itself). */
  saved: (view: SettingsView) => void;
  open: (tab?: SettingsTab) => void;
  close: () => void;
  setTab: (tab: SettingsTab) => void;
}

/** The settings store (settings:get, app:info) shared by the dialog, the header and the first-run hint. */
export const useSettings = create<SettingsState>((set, get) => ({
  view: null,
  info: null,
  loading: false,
  loadError: null,
  version: 0,
  opened: false,
  tab: 'general',
  async load() {
    if (get().loading) return;
    set({ loading: true });
    const [settings, info] = await Promise.all([api.invoke('settings:get', {}), api.invoke('app:info', {})]);
    set({
      loading: false,
      view: settings.ok ? settings.value : get().view,
      loadError: settings.ok ? null : settings.error,
      info: info.ok ? info.value : get().info,
      version: get().version + 1,
    });
  },
  saved(view) {
    set({ view });
  },
  open(tab) {
    set((s) => ({ opened: true, tab: tab ?? s.tab }));
  },
  close() {
    set({ opened: false });
  },
  setTab(tab) {
    set({ tab });
  },
}));

/** Which channels have what they need to send (a phone number and token; an SMTP host and sender). */
export function configuredChannels(view: SettingsView | null): { whatsapp: boolean; email: boolean } {
  if (!view) return { whatsapp: false, email: false };
  return {
    whatsapp: view.whatsapp.phoneNumberId !== '' && view.whatsapp.accessTokenSet,
    email: view.smtp.host !== '' && view.smtp.fromAddress !== '',
  };
}
