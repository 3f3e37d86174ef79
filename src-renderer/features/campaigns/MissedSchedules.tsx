import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CampaignSummary } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { notifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCampaigns } from './store';

/**
 * Asks about campaigns whose scheduled time passed while Herald was closed: start now, or back to
 * draft. Herald never starts them by itself after the fact.
 */
export function MissedSchedules() {
  const [missed, setMissed] = useState<CampaignSummary[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const load = useCampaigns((s) => s.load);

  useEffect(() => {
    void api.invoke('campaigns:missedSchedules', {}).then((r) => r.ok && setMissed(r.value));
  }, []);

  async function decide(c: CampaignSummary, start: boolean) {
    setBusy(c.id);
    const r = start
      ? await api.invoke('campaigns:start', { campaignId: c.id })
      : await api.invoke('campaigns:unschedule', { campaignId: c.id });
    setBusy(null);
    if (!r.ok) notifyError(start ? 'Could not start the campaign' : 'Could not unschedule it', r.error);
    setMissed((m) => m.filter((x) => x.id !== c.id));
    void load();
  }

  return (
    <Modal
      opened={missed.length > 0}
      onClose={() => setMissed([])}
      title="Scheduled while Herald was closed"
      data-testid="missed-schedules"
    >
      <Stack gap="md">
        <Text size="sm">These campaigns were due while Herald was not running. Start them now?</Text>
        {missed.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{c.name}</Text>
              <Text size="xs" c="dimmed">
                Was due {formatDateTime(c.scheduledAt)}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                disabled={busy !== null}
                onClick={() => void decide(c, false)}
              >
                Back to draft
              </Button>
              <Button size="xs" loading={busy === c.id} onClick={() => void decide(c, true)}>
                Start now
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
