import { Button, Card, EmptyState, Group, Text } from '@mantine/core';
import { IconSend } from '../../components/icons';
import { configuredChannels, useSettings } from '../settings/store';
import { useAudience } from './audienceStore';

/**
 * First-run guidance: shown while no channel is set up and no contact exists, pointing to Settings
 * and to the import area below it.
 */
export function WelcomeCard() {
  const view = useSettings((s) => s.view);
  const open = useSettings((s) => s.open);
  const total = useAudience((s) => s.total);
  const search = useAudience((s) => Object.keys(s.filter).length > 0);
  const channels = configuredChannels(view);
  if (!view || total !== 0 || search || channels.email || channels.whatsapp) return null;
  return (
    <Card data-testid="welcome">
      <EmptyState
        icon={<IconSend size={26} />}
        variant="light"
        title="Welcome to Herald"
        description="Send personalised email and WhatsApp campaigns from this computer in two steps."
      >
        <EmptyState.Actions>
          <Group gap="xl" align="flex-start" justify="center">
            <div>
              <Text fw={600} size="sm">
                1. Connect a channel
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                Your SMTP server, the WhatsApp Cloud API, or both.
              </Text>
              <Button onClick={() => open('smtp')} data-testid="welcome-open-settings">
                Open Settings
              </Button>
            </div>
            <div>
              <Text fw={600} size="sm">
                2. Import your contacts
              </Text>
              <Text size="sm" c="dimmed">
                Drop a CSV or Excel file into the import area below.
              </Text>
            </div>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
