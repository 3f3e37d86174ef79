import { Card, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { ChannelMode } from '../../../../../src-main/contract';
import { CHANNEL_MODE_HELP, CHANNEL_MODE_OPTIONS } from '../../labels';
import { useComposer } from '../store';
import { Qualification } from './Qualification';

/** Step 2, Channels: the five channel modes with what each does, and who qualifies per channel. */
export function ChannelsStep() {
  const channelMode = useComposer((s) => s.channelMode);
  const update = useComposer((s) => s.update);
  const templatesLoaded = useComposer((s) => s.templatesLoaded);
  const loadTemplates = useComposer((s) => s.loadTemplates);

  useEffect(() => {
    if (!templatesLoaded) void loadTemplates();
  }, [templatesLoaded, loadTemplates]);

  return (
    <Stack gap="md" data-testid="step-channels">
      <Card>
        <Title order={4} mb="md" id="channel-mode-label">
          How to reach them
        </Title>
        <SegmentedControl
          fullWidth
          aria-labelledby="channel-mode-label"
          data={CHANNEL_MODE_OPTIONS}
          value={channelMode}
          onChange={(v) => update({ channelMode: v as ChannelMode })}
          data-testid="channel-mode"
        />
        <Text size="sm" mt="sm" data-testid="channel-mode-help">
          {CHANNEL_MODE_HELP[channelMode]}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md" spacing="xs">
          {CHANNEL_MODE_OPTIONS.filter((o) => o.value !== channelMode).map((o) => (
            <Text key={o.value} size="xs" c="dimmed">
              <b>{o.label}:</b> {CHANNEL_MODE_HELP[o.value]}
            </Text>
          ))}
        </SimpleGrid>
      </Card>
      <Qualification />
    </Stack>
  );
}
