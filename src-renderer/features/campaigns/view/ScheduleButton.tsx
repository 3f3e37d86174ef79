import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CampaignProgress } from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { notifyError } from '../../../lib/errors';

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** "Schedule…": picks a local date and time; the campaign starts by itself then while Herald is open. */
export function ScheduleButton({
  campaignId,
  onProgress,
}: {
  campaignId: number;
  onProgress: (p: CampaignProgress) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState(() => localInput(Date.now() + 3_600_000));
  const [busy, setBusy] = useState(false);
  const at = new Date(value).getTime();

  async function schedule() {
    // The main process refuses a time in the past and says so.
    setBusy(true);
    const r = await api.invoke('campaigns:schedule', { campaignId, at });
    setBusy(false);
    if (!r.ok) return notifyError('Could not schedule the campaign', r.error);
    setOpened(false);
    onProgress(r.value);
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" onClick={() => setOpened((o) => !o)} data-testid="campaign-schedule">
          Schedule…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <TextInput
            type="datetime-local"
            label="Start at"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            data-testid="schedule-at"
          />
          <Text size="xs" c="dimmed">
            Herald must be open then. If it is closed, it asks you the next time it starts.
          </Text>
          <Group justify="flex-end">
            <Button
              size="xs"
              loading={busy}
              disabled={Number.isNaN(at)}
              onClick={() => void schedule()}
              data-testid="schedule-confirm"
            >
              Schedule
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
