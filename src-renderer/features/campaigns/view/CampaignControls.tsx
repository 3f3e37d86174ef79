import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { CampaignProgress, RequestChannel } from '../../../../src-main/contract';
import { IconPause, IconPlay, IconStop } from '../../../components/icons';
import { api } from '../../../lib/api';
import { notifyError } from '../../../lib/errors';
import { useCampaigns } from '../store';
import { ScheduleButton } from './ScheduleButton';

type Action = Extract<
  RequestChannel,
  'campaigns:start' | 'campaigns:pause' | 'campaigns:resume' | 'campaigns:cancel' | 'campaigns:unschedule'
>;

interface Props {
  progress: CampaignProgress;
  onProgress: (p: CampaignProgress) => void;
}

/** Start, schedule, dry run, pause, resume and cancel, offered according to the campaign's status. */
export function CampaignControls({ progress, onProgress }: Props) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [dry, setDry] = useState(false);
  const { status, campaignId } = progress;

  async function run(action: Action, failTitle: string) {
    setBusy(action);
    const r = await api.invoke(action, { campaignId });
    setBusy(null);
    if (r.ok) onProgress(r.value);
    else notifyError(failTitle, r.error);
  }

  async function dryRun() {
    setDry(true);
    const r = await api.invoke('campaigns:dryRun', { campaignId });
    setDry(false);
    if (!r.ok) return notifyError('Could not start the dry run', r.error);
    await useCampaigns.getState().load();
    useCampaigns.getState().go({ view: 'campaign', id: r.value.campaignId });
  }

  const canResume = status === 'paused' || status === 'stopped';
  const canCancel =
    status === 'running' || status === 'paused' || status === 'stopped' || status === 'scheduled';
  const startable = status === 'draft' || status === 'scheduled';
  return (
    <Group gap="xs">
      {startable && (
        <Button
          leftSection={<IconPlay size={14} />}
          loading={busy === 'campaigns:start'}
          onClick={() => void run('campaigns:start', 'Could not start the campaign')}
          data-testid="campaign-start"
        >
          {status === 'scheduled' ? 'Start now' : 'Start sending'}
        </Button>
      )}
      {status === 'draft' && <ScheduleButton campaignId={campaignId} onProgress={onProgress} />}
      {status === 'scheduled' && (
        <Button
          variant="default"
          loading={busy === 'campaigns:unschedule'}
          onClick={() => void run('campaigns:unschedule', 'Could not unschedule the campaign')}
          data-testid="campaign-unschedule"
        >
          Back to draft
        </Button>
      )}
      {startable && !progress.dryRun && (
        <Button
          variant="subtle"
          loading={dry}
          onClick={() => void dryRun()}
          title="Render and check every message without sending anything; you get the full report"
          data-testid="campaign-dry-run"
        >
          Dry run
        </Button>
      )}
      {status === 'running' && (
        <Button
          variant="default"
          leftSection={<IconPause size={14} />}
          loading={busy === 'campaigns:pause'}
          disabled={busy !== null}
          onClick={() => void run('campaigns:pause', 'Could not pause the campaign')}
          data-testid="campaign-pause"
        >
          Pause
        </Button>
      )}
      {canResume && (
        <Button
          leftSection={<IconPlay size={14} />}
          loading={busy === 'campaigns:resume'}
          disabled={busy !== null}
          onClick={() => void run('campaigns:resume', 'Could not resume the campaign')}
          data-testid="campaign-resume"
        >
          Resume
        </Button>
      )}
      {canCancel && (
        <Button
          variant="outline"
          color="red"
          leftSection={<IconStop size={14} />}
          loading={busy === 'campaigns:cancel'}
          disabled={busy !== null}
          onClick={() => void run('campaigns:cancel', 'Could not cancel the campaign')}
          title="Stop for good: messages not yet sent are not sent"
          data-testid="campaign-cancel"
        >
          Cancel campaign
        </Button>
      )}
    </Group>
  );
}
