import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  type CampaignProgress,
  Channel,
  OutboxState,
  type RecipientRow,
} from '../../../../src-main/contract';
import { StateBadge } from '../../../components/StatusBadge';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { CHANNEL_LABEL } from '../labels';
import { useRecipients } from './useRecipients';

const REFRESH_EVERY_MS = 1000;

function detail(row: RecipientRow): string {
  if (row.skipReason) return row.skipReason;
  if (row.errorMessage) return row.errorCode ? `${row.errorMessage} (${row.errorCode})` : row.errorMessage;
  return '';
}

/**
 * Per-recipient outcomes with state and channel filters. Refreshes when progress changes: at most
 * once a second while running, and at once on any other status (so the final state is always shown).
 */
export function RecipientsTable({
  campaignId,
  progress,
}: {
  campaignId: number;
  progress: CampaignProgress;
}) {
  const [state, setState] = useState<OutboxState | undefined>();
  const [channel, setChannel] = useState<Channel | undefined>();
  const { rows, nextAfterId, loading, loadingMore, error, reload, loadMore } = useRecipients(campaignId, {
    state,
    channel,
  });
  const lastRefresh = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const wait =
      progress.status === 'running' ? Math.max(0, lastRefresh.current + REFRESH_EVERY_MS - Date.now()) : 0;
    const t = setTimeout(() => {
      lastRefresh.current = Date.now();
      void reload();
    }, wait);
    return () => clearTimeout(t);
  }, [progress.at, progress.status, reload]);

  return (
    <Card>
      <Group justify="space-between" mb="md" align="flex-end">
        <Title order={4}>Recipients</Title>
        <Group gap="sm">
          <NativeSelect
            label="State"
            size="xs"
            data={[
              { value: '', label: 'All states' },
              ...OutboxState.options.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
            ]}
            value={state ?? ''}
            onChange={(e) => setState((e.currentTarget.value || undefined) as OutboxState | undefined)}
            data-testid="recipients-state-filter"
          />
          <NativeSelect
            label="Channel"
            size="xs"
            data={[
              { value: '', label: 'All channels' },
              ...Channel.options.map((c) => ({ value: c, label: CHANNEL_LABEL[c] })),
            ]}
            value={channel ?? ''}
            onChange={(e) => setChannel((e.currentTarget.value || undefined) as Channel | undefined)}
            data-testid="recipients-channel-filter"
          />
        </Group>
      </Group>
      {error && (
        <Alert color="red" mb="md" title="Could not load recipients">
          {describeError(error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="recipients-table" aria-busy={loading} tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th ta="right">Attempts</Table.Th>
              <Table.Th>Error or reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-state={r.state} data-channel={r.channel}>
                <Table.Td>
                  {r.name || (
                    <Text span c="dimmed">
                      No name
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={r.channel === 'whatsapp' ? 'green' : 'blue'}>
                    {CHANNEL_LABEL[r.channel]}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {r.address}
                </Table.Td>
                <Table.Td title={`Updated ${formatDateTime(r.updatedAt)}`}>
                  <StateBadge state={r.state} />
                </Table.Td>
                <Table.Td ta="right">{r.attempts}</Table.Td>
                <Table.Td fz="sm" c={r.errorMessage ? 'red.7' : 'dimmed'} maw={360}>
                  {detail(r)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading && rows.length === 0 && (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      )}
      {!loading && rows.length === 0 && !error && (
        <Text c="dimmed" ta="center" py="lg" size="sm">
          {state || channel ? 'No recipients match these filters.' : 'No recipients yet.'}
        </Text>
      )}
      {nextAfterId !== null && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={loadingMore}
            onClick={() => void loadMore()}
            data-testid="recipients-load-more"
          >
            Load more
          </Button>
        </Group>
      )}
    </Card>
  );
}
