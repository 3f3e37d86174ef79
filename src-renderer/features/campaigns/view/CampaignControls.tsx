import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { CampaignProgress, RequestChannel } from '../../../../src-main/contract';
import { IconPause, IconPlay, IconStop } from '../../../components/icons';
import { api } from '../../../lib/api';
import { notifyError } from '../../../lib/errors';

type Action = Extract<
  RequestChannel,
  'campaigns:start' | 'campaigns:pause' | 'campaigns:resume' | 'campaigns:cancel'
>;

interface Props {
  progress: CampaignProgress;
  onProgress: (p: CampaignProgress) => void;
}

/** Start / Pause / Resume / Cancel, offered according to the campaign's status. */
export function CampaignControls({ progress, onProgress }: Props) {
  const [busy, setBusy] = useState<Action | null>(null);
  const { status, campaignId } = progress;

  async function run(action: Action, failTitle: string) {
    setBusy(action);
    const r = await api.invoke(action, { campaignId });
    setBusy(null);
    if (r.ok) onProgress(r.value);
    else notifyError(failTitle, r.error);
  }

  const canResume = status === 'paused' || status === 'stopped';
  const canCancel = status === 'running' || status === 'paused' || status === 'stopped';
  return (
    <Group gap="xs">
      {status === 'draft' && (
        <Button
          leftSection={<IconPlay size={14} />}
          loading={busy === 'campaigns:start'}
          onClick={() => void run('campaigns:start', 'Could not start the campaign')}
          data-testid="campaign-start"
        >
          Start sending
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
