import { Table } from '@mantine/core';
import type { CampaignProgress, Channel, OutboxState } from '../../../../src-main/contract';
import { formatCount } from '../../../lib/format';
import { CHANNEL_LABEL } from '../labels';

const ALWAYS: OutboxState[] = ['queued', 'sending', 'sent', 'failed', 'skipped', 'unknown'];
const CHANNELS: Channel[] = ['email', 'whatsapp'];

function sum(counts: Record<OutboxState, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Rows per channel (channels with outbox rows), a column per state. `delivered` and `read` appear only
 * once a channel reports them (WhatsApp status updates), so the table stays narrow otherwise.
 */
export function CountsTable({ progress }: { progress: CampaignProgress }) {
  const channels = CHANNELS.filter((c) => sum(progress.counts[c]) > 0);
  const extra = (['delivered', 'read'] as const).filter((s) =>
    channels.some((c) => progress.counts[c][s] > 0),
  );
  const states: OutboxState[] = [...ALWAYS.slice(0, 3), ...extra, ...ALWAYS.slice(3)];
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table
        withTableBorder
        withColumnBorders
        tabularNums
        data-testid="progress-counts"
        highlightOnHover={false}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            {states.map((s) => (
              <Table.Th key={s} tt="capitalize" ta="right">
                {s}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {channels.map((c) => (
            <Table.Tr key={c} data-channel={c}>
              <Table.Td fw={600}>{CHANNEL_LABEL[c]}</Table.Td>
              {states.map((s) => (
                <Table.Td key={s} ta="right" data-testid={`count-${c}-${s}`}>
                  {formatCount(progress.counts[c][s])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {formatCount(sum(progress.counts[c]))}
              </Table.Td>
            </Table.Tr>
          ))}
          {channels.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={states.length + 2} c="dimmed" ta="center">
                No messages in this campaign.
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
