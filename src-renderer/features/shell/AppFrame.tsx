import { AppShell, Box, Button, Group, NavLink, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconSend, IconSettings } from '../../components/icons';
import { useSettings } from '../settings/store';
import { ConnectionBanner } from './ConnectionBanner';
import { PAGES } from './pages';
import { useNav } from './store';

/** The window frame: header with the app name and Settings, navbar with the pages, main area. */
export function AppFrame({ children }: { children: ReactNode }) {
  const { page, go } = useNav();
  const openSettings = useSettings((s) => s.open);
  const info = useSettings((s) => s.info);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'xs' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <ThemeIcon size={30} radius="md" variant="filled">
              <IconSend size={17} />
            </ThemeIcon>
            <Title order={4}>Herald</Title>
          </Group>
          <Button
            variant="default"
            leftSection={<IconSettings size={16} />}
            onClick={() => openSettings()}
            data-testid="open-settings"
          >
            Settings
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Box component="nav" aria-label="Pages" style={{ flex: 1 }}>
          {PAGES.map((p) => (
            <NavLink
              key={p.page}
              component="button"
              label={p.label}
              leftSection={p.icon}
              active={page === p.page}
              aria-current={page === p.page ? 'page' : undefined}
              onClick={() => go(p.page)}
              data-testid={p.testId}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              mb={4}
            />
          ))}
        </Box>
        {info && (
          <Text size="xs" c="dimmed" px="xs">
            Herald {info.version}
            {info.mode === 'browser' ? ' · browser mode' : ''}
          </Text>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
