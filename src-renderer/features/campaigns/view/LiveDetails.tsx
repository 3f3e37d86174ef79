import { Alert, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CampaignProgress, Channel, QuotaView } from '../../../../src-main/contract';
import { IconAlert } from '../../../components/icons';
import { formatCount, formatDateTime, formatRate } from '../../../lib/format';
import { CHANNEL_LABEL, WAIT_TITLE } from '../labels';

function QuotaCard({ channel, q }: { channel: Channel; q: QuotaView }) {
  return (
    <Paper withBorder p="sm" data-testid={`quota-${channel}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {CHANNEL_LABEL[channel]} quota
      </Text>
      <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {q.cap === null
          ? `${formatCount(q.used)} recipients in 24 h, no cap`
          : `${formatCount(q.remaining ?? 0)} of ${formatCount(q.cap)} left in 24 h`}
      </Text>
      <Text size="xs" c="dimmed">
        {q.ratePerSec === null ? 'No pacing' : `Paced at ${formatRate(q.ratePerSec)}`}
        {q.cap !== null && q.remaining === 0 && q.freesAt
          ? ` · next place frees ${formatDateTime(q.freesAt)}`
          : ''}
      </Text>
    </Paper>
  );
}

/** Waits (quota, network, throttling), quota per channel and the latest failures of a campaign. */
export function LiveDetails({ progress }: { progress: CampaignProgress }) {
  const quota = Object.entries(progress.quota) as [Channel, QuotaView][];
  return (
    <Stack gap="sm">
      {progress.waits.map((w) => (
        <Alert
          key={`${w.channel}-${w.kind}`}
          color={w.kind === 'network' ? 'orange' : 'yellow'}
          icon={<IconAlert />}
          title={`${CHANNEL_LABEL[w.channel]}: ${WAIT_TITLE[w.kind]}${w.until ? ` until ${formatDateTime(w.until)}` : ''}`}
          data-testid={`wait-${w.kind}`}
        >
          {w.message}
        </Alert>
      ))}
      {quota.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: quota.length }} spacing="sm">
          {quota.map(([c, q]) => (
            <QuotaCard key={c} channel={c} q={q} />
          ))}
        </SimpleGrid>
      )}
      {progress.recentFailures.length > 0 && (
        <div data-testid="recent-failures">
          <Title order={6} mb={4}>
            Latest failures
          </Title>
          <List size="sm" spacing={2}>
            {progress.recentFailures.map((f) => (
              <List.Item key={`${f.rowId}-${f.at}`}>
                <Group gap={6} wrap="nowrap" align="baseline">
                  <Text span size="sm" ff="monospace">
                    {f.address}
                  </Text>
                  <Text span size="sm" c="red.7">
                    {f.message}
                    {f.code ? ` (${f.code})` : ''}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
