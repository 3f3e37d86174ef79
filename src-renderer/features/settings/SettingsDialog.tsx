import { Alert, Button, Center, Divider, Loader, Modal, Tabs, Text } from '@mantine/core';
import { IconChat, IconMail, IconSettings } from '../../components/icons';
import { describeError } from '../../lib/errors';
import { GeneralTab } from './GeneralTab';
import { SmtpTab } from './SmtpTab';
import { type SettingsTab, useSettings } from './store';
import { WhatsAppTab } from './WhatsAppTab';

/** The settings dialog: General, WhatsApp and Email (SMTP) tabs, and where data and secrets live. */
export function SettingsDialog() {
  const { view, opened, tab, version, loading, loadError, close, setTab, load } = useSettings();

  let body;
  if (view) {
    body = (
      <Tabs value={tab} onChange={(t) => t && setTab(t as SettingsTab)} keepMounted>
        <Tabs.List mb="lg">
          <Tabs.Tab
            value="general"
            leftSection={<IconSettings size={16} />}
            data-testid="settings-tab-general"
          >
            General
          </Tabs.Tab>
          <Tabs.Tab value="whatsapp" leftSection={<IconChat size={16} />} data-testid="settings-tab-whatsapp">
            WhatsApp
          </Tabs.Tab>
          <Tabs.Tab value="smtp" leftSection={<IconMail size={16} />} data-testid="settings-tab-smtp">
            Email (SMTP)
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <GeneralTab key={version} view={view} />
        </Tabs.Panel>
        <Tabs.Panel value="whatsapp">
          <WhatsAppTab key={version} view={view} />
        </Tabs.Panel>
        <Tabs.Panel value="smtp">
          <SmtpTab key={version} view={view} />
        </Tabs.Panel>
      </Tabs>
    );
  } else if (loadError) {
    body = (
      <Alert color="red" title="Could not load the settings">
        {describeError(loadError)}
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void load()} loading={loading}>
          Try again
        </Button>
      </Alert>
    );
  } else {
    body = (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="Settings" size="lg" centered={false}>
      {body}
      {view && (
        <>
          <Divider my="md" />
          <Text size="xs" c="dimmed" data-testid="settings-footer">
            Data is stored in{' '}
            <Text span ff="monospace" size="xs">
              {view.dataDir}
            </Text>
            . Passwords and tokens are kept in {view.keychain}, never in the data folder.
          </Text>
        </>
      )}
    </Modal>
  );
}
