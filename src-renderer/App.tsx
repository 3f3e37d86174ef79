import { useDocumentTitle, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { useSettings } from './features/settings/store';
import { AppFrame } from './features/shell/AppFrame';
import { PAGES } from './features/shell/pages';
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

  const current = PAGES.find((p) => p.page === page) ?? PAGES[0]!;
  useDocumentTitle(`${current.label} · Herald`);
  useHotkeys([['mod+comma', () => openSettings()]]);

  return (
    <AppFrame>
      {current.render()}
      <SettingsDialog />
    </AppFrame>
  );
}
