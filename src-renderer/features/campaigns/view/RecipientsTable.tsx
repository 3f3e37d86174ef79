import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import {
  type CampaignProgress,
  Channel,
  OutboxState,
  type RecipientRow,
} from '../../../../src-main/contract';
import { IconSearch } from '../../../components/icons';
import { StateBadge } from '../../../components/StatusBadge';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { CHANNEL_LABEL } from '../labels';
import { ReportActions } from './ReportActions';
import { useRecipients } from './useRecipients';

const REFRESH_EVERY_MS = 1000;

function detail(row: RecipientRow): string {
  if (row.skipReason) return row.skipReason;
  if (row.errorMessage) return row.errorCode ? `${row.errorMessage} (${row.errorCode})` : row.errorMessage;
  return '';
}

/**
 * Per-recipient outcomes with state, channel and search filters, the report actions, and ticks on
 * failed and unknown rows for "retry the ticked ones" and resend / mark as sent. Refreshes when progress changes: at most
 * once a second while running, and at once on any other status (so the final state is always shown).
 */
export function RecipientsTable({
  campaignId,
  progress,
  onProgress,
}: {
  campaignId: number;
  progress: CampaignProgress;
  onProgress: (p: CampaignProgress) => void;
}) {
  const [state, setState] = useState<OutboxState | undefined>();
  const [channel, setChannel] = useState<Channel | undefined>();
  const [searchInput, setSearchInput] = useState('');
  const [search] = useDebouncedValue(searchInput.trim(), 300);
  const [ticked, setTicked] = useState<Map<number, RecipientRow>>(new Map());
  const { rows, nextAfterId, loading, loadingMore, error, reload, loadMore } = useRecipients(campaignId, {
    state,
    channel,
    search: search || undefined,
  });
  const toggle = (r: RecipientRow) =>
    setTicked((cur) => {
      const next = new Map(cur);
      if (next.has(r.id)) next.delete(r.id);
      else next.set(r.id, r);
      return next;
    });
  const afterAction = (p: CampaignProgress) => {
    setTicked(new Map());
    onProgress(p);
    void reload();
  };
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
      <Group justify="space-between" mb="xs" align="center">
        <Title order={4}>Recipients</Title>
        <ReportActions
          progress={progress}
          selected={[...ticked.values()]}
          filter={{ state, channel, ...(search ? { search } : {}) }}
          onDone={afterAction}
        />
      </Group>
      <Group justify="flex-end" mb="md" align="flex-end">
        <Group gap="sm">
          <TextInput
            label="Search"
            size="xs"
            placeholder="Name or address"
            leftSection={<IconSearch size={14} />}
            value={searchInput}
            onChange={(e) => setSearchInput(e.currentTarget.value)}
            data-testid="recipients-search"
          />
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
              <Table.Th w={32} aria-label="Select" />
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
                  {(r.state === 'failed' || r.state === 'unknown') && (
                    <Checkbox
                      size="xs"
                      aria-label={`Select ${r.address}`}
                      checked={ticked.has(r.id)}
                      onChange={() => toggle(r)}
                    />
                  )}
                </Table.Td>
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
          {state || channel || search ? 'No recipients match these filters.' : 'No recipients yet.'}
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
