import { Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CampaignProgress, OutboxState } from '../../../../src-main/contract';
import { formatCount, formatDateTime, formatDuration, formatRate, percent } from '../../../lib/format';
import { CampaignControls } from './CampaignControls';
import { CountsTable } from './CountsTable';
import { LiveDetails } from './LiveDetails';
import { ThroughputChart } from './ThroughputChart';

/** Final outcomes drawn as sections of the bar; together they make up `done`. */
const SEGMENTS: { label: string; color: string; states: OutboxState[] }[] = [
  { label: 'Sent', color: 'teal', states: ['sent', 'delivered', 'read'] },
  { label: 'Failed', color: 'red', states: ['failed'] },
  { label: 'Skipped', color: 'gray.5', states: ['skipped'] },
  { label: 'Unknown', color: 'orange', states: ['unknown'] },
];

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

function etaText(p: CampaignProgress): string {
  const quota = p.waits.find((w) => w.kind === 'quota');
  if (quota?.until) return `Waiting for quota until ${formatDateTime(quota.until)}`;
  if (p.status === 'scheduled') return p.scheduledAt ? `Starts ${formatDateTime(p.scheduledAt)}` : '—';
  if (p.status !== 'running') return '—';
  if (p.etaMs !== null) return formatDuration(p.etaMs);
  return p.done === p.total ? '—' : 'Estimating';
}

/**
 * Done/total, rate, ETA, the outcome bar, per-channel counts, the throughput chart, quota, waits and
 * the latest failures, all from reported progress (the engine's committed counts, never estimates).
 */
export function ProgressPanel({
  progress,
  onProgress,
}: {
  progress: CampaignProgress;
  onProgress: (p: CampaignProgress) => void;
}) {
  const both = { ...progress.counts.email };
  for (const [state, n] of Object.entries(progress.counts.whatsapp)) both[state as OutboxState] += n;
  const segments = SEGMENTS.map((s) => ({ ...s, n: s.states.reduce((a, st) => a + both[st], 0) }));

  return (
    <Card>
      <Group justify="space-between" align="flex-start" mb="md">
        <SimpleGrid cols={3} spacing="xl">
          <Figure label="Done" testId="progress-done">
            {formatCount(progress.done)} / {formatCount(progress.total)}
          </Figure>
          <Figure label="Rate" testId="progress-rate">
            {formatRate(progress.ratePerSec)}
          </Figure>
          <Figure label="Time left" testId="progress-eta">
            {etaText(progress)}
          </Figure>
        </SimpleGrid>
        <CampaignControls progress={progress} onProgress={onProgress} />
      </Group>
      <Progress.Root size={14} mb="xs" aria-label="Campaign progress" data-testid="progress-bar">
        {segments.map((s) =>
          s.n > 0 ? (
            <Tooltip key={s.label} label={`${s.label}: ${formatCount(s.n)}`}>
              <Progress.Section value={percent(s.n, progress.total)} color={s.color} />
            </Tooltip>
          ) : null,
        )}
      </Progress.Root>
      <Group gap="lg" mb="lg">
        {segments.map((s) => (
          <Group key={s.label} gap={6}>
            <div
              style={{
                width: 10,
                height: 10,
                borderRadius: 3,
                background: `var(--mantine-color-${s.color.replace('.', '-')}${s.color.includes('.') ? '' : '-filled'})`,
              }}
            />
            <Text size="sm" c="dimmed">
              {s.label} {formatCount(s.n)}
            </Text>
          </Group>
        ))}
        <Text size="sm" c="dimmed">
          Waiting {formatCount(both.queued + both.sending)}
        </Text>
      </Group>
      <CountsTable progress={progress} />
      <Stack gap="md" mt="md">
        {progress.throughput.length > 0 && <ThroughputChart points={progress.throughput} />}
        <LiveDetails progress={progress} />
      </Stack>
    </Card>
  );
}
