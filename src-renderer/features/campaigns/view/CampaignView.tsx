import { Alert, Badge, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { IconAlert } from '../../../components/icons';
import { CampaignStatusBadge } from '../../../components/StatusBadge';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDateTime } from '../../../lib/format';
import { BackToCampaigns } from '../BackToCampaigns';
import { CHANNEL_MODE_LABEL } from '../labels';
import { useCampaigns } from '../store';
import { ProgressPanel } from './ProgressPanel';
import { RecipientsTable } from './RecipientsTable';
import { useCampaignProgress } from './useCampaignProgress';

/** One campaign, live: status, progress, controls and the per-recipient table. */
export function CampaignView({ campaignId }: { campaignId: number }) {
  const summary = useCampaigns((s) => s.list.find((c) => c.id === campaignId));
  const load = useCampaigns((s) => s.load);
  const { progress, error, accept } = useCampaignProgress(campaignId);

  const status = progress?.status ?? summary?.status;

  // The list holds the name and the start/finish times; refresh it when the status changes.
  useEffect(() => {
    void load();
  }, [load, status]);
  const unknown = progress ? progress.counts.email.unknown + progress.counts.whatsapp.unknown : 0;

  return (
    <Stack gap="lg" maw={1200} mx="auto" data-testid="campaign-view">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <BackToCampaigns testId="campaign-back" />
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="sm">
            <Title order={2}>{summary?.name ?? `Campaign ${campaignId}`}</Title>
            {status && <CampaignStatusBadge status={status} size="lg" data-testid="campaign-status" />}
          </Group>
          {summary && (
            <Group gap="xs">
              <Badge variant="default">{CHANNEL_MODE_LABEL[summary.channelMode]}</Badge>
              <Text size="sm" c="dimmed">
                Created {formatDateTime(summary.createdAt)}
                {summary.scheduledAt && summary.status === 'scheduled'
                  ? ` · starts ${formatDateTime(summary.scheduledAt)}`
                  : ''}
                {summary.startedAt ? ` · started ${formatDateTime(summary.startedAt)}` : ''}
                {summary.finishedAt ? ` · finished ${formatDateTime(summary.finishedAt)}` : ''}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>
      {error && (
        <Alert color="red" title="Could not load this campaign">
          {describeError(error)}
        </Alert>
      )}
      {progress?.statusReason && (
        <Alert
          color={progress.status === 'stopped' ? 'red' : 'yellow'}
          icon={<IconAlert />}
          title={
            progress.status === 'stopped'
              ? 'The campaign stopped'
              : progress.status === 'paused'
                ? 'The campaign is paused'
                : 'Note'
          }
          data-testid="campaign-status-reason"
        >
          {progress.statusReason}
        </Alert>
      )}
      {progress?.dryRun && (
        <Alert color="indigo" variant="light" title="Dry run" data-testid="dry-run-banner">
          Nothing was sent. Every message was rendered and built as it would be sent; “sent” below means it
          would have gone out.
        </Alert>
      )}
      {unknown > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${formatCount(unknown)} messages in an unknown state`}
          data-testid="unknown-alert"
        >
          These were being sent when Herald stopped or the connection broke, so they may or may not have
          arrived. Herald does not send them again by itself: use “Unknown: resend or mark as sent” in the
          recipients list.
        </Alert>
      )}
      {progress ? (
        <>
          <ProgressPanel progress={progress} onProgress={accept} />
          <RecipientsTable campaignId={campaignId} progress={progress} onProgress={accept} />
        </>
      ) : (
        !error && (
          <Center py="xl">
            <Loader />
          </Center>
        )
      )}
    </Stack>
  );
}
