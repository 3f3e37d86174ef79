import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Channel } from '../../../../../src-main/contract';
import { modeSendsEmail, modeSendsWhatsApp } from '../../labels';
import { EmailSection } from '../EmailSection';
import { useComposer } from '../store';
import { WhatsAppSection } from '../WhatsAppSection';
import { LibraryBar } from './LibraryBar';

function ChannelContent({ channel }: { channel: Channel }) {
  // Remount the editor after a library load so its mode (rich text or HTML) follows the new body.
  const [version, setVersion] = useState(0);
  return (
    <Stack gap={6}>
      <Group justify="flex-end">
        <LibraryBar channel={channel} onLoaded={() => setVersion((v) => v + 1)} />
      </Group>
      {channel === 'email' ? <EmailSection key={version} /> : <WhatsAppSection key={version} />}
    </Stack>
  );
}

/**
 * Step 3, Content: the email (subject, body) and the WhatsApp template with its mapping, each
 * loadable from and savable to the template library. WhatsApp comes first when email is its fallback.
 */
export function ContentStep() {
  const channelMode = useComposer((s) => s.channelMode);
  const channels: Channel[] = [];
  if (channelMode === 'whatsapp_then_email') channels.push('whatsapp', 'email');
  else {
    if (modeSendsEmail(channelMode)) channels.push('email');
    if (modeSendsWhatsApp(channelMode)) channels.push('whatsapp');
  }
  return (
    <Stack gap="md" data-testid="step-content">
      <Text size="sm" c="dimmed">
        Personalise with variables like {'{{ first_name | default: "there" }}'}; Review shows every
        recipient&apos;s message and checks them all.
      </Text>
      {channels.map((c) => (
        <ChannelContent key={c} channel={c} />
      ))}
    </Stack>
  );
}
