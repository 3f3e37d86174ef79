import { Card, SegmentedControl, Text, Title } from '@mantine/core';
import type { ChannelMode } from '../../../../src-main/contract';
import { CHANNEL_MODE_HELP, CHANNEL_MODE_OPTIONS } from '../labels';
import { useComposer } from './store';

/** Channel mode picker: email, WhatsApp, both, or WhatsApp with email as fallback. */
export function ChannelSection() {
  const channelMode = useComposer((s) => s.channelMode);
  const update = useComposer((s) => s.update);
  return (
    <Card>
      <Title order={4} mb="md" id="channel-mode-label">
        Channels
      </Title>
      <SegmentedControl
        fullWidth
        aria-labelledby="channel-mode-label"
        data={CHANNEL_MODE_OPTIONS}
        value={channelMode}
        onChange={(v) => update({ channelMode: v as ChannelMode })}
        data-testid="channel-mode"
      />
      <Text size="sm" c="dimmed" mt="sm">
        {CHANNEL_MODE_HELP[channelMode]}
      </Text>
    </Card>
  );
}
