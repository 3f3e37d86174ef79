import { useDocumentTitle, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { CampaignsPage } from './features/campaigns/CampaignsPage';
import { ContactsPage } from './features/contacts/ContactsPage';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { useSettings } from './features/settings/store';
import { AppFrame } from './features/shell/AppFrame';
import { useNav } from './features/shell/store';
import { useConnection } from './lib/connection';

/** The application: frame, current page and the settings dialog. */
export function App() {
  const page = useNav((s) => s.page);
  const load = useSettings((s) => s.load);
  const openSettings = useSettings((s) => s.open);
  const generation = useConnection((s) => s.generation);

  // Load at start and again after a reconnect (the server may have restarted with other settings).
  useEffect(() => {
    void load();
  }, [load, generation]);

  useDocumentTitle(page === 'contacts' ? 'Contacts · Herald' : 'Campaigns · Herald');
  useHotkeys([['mod+comma', () => openSettings()]]);

  return (
    <AppFrame>
      {page === 'contacts' ? <ContactsPage /> : <CampaignsPage />}
      <SettingsDialog />
    </AppFrame>
  );
}
