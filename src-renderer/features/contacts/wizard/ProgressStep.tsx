import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { formatCount, percent } from '../../../lib/format';
import { useWizard } from './store';

/** Upload, check and import progress, with Cancel. */
export function ProgressStep() {
  const { step, file, sent, analysis, job, cancel } = useWizard();
  const status = step === 'analysing' ? analysis : step === 'importing' ? job : null;
  const [done, total] = status ? [status.bytesRead, status.totalBytes] : [sent, file?.size ?? 0];
  const what =
    step === 'uploading' ? 'Reading the file' : step === 'analysing' ? 'Checking every row' : 'Importing';
  const pct = total > 0 ? percent(done, total) : 100;
  return (
    <Stack gap="sm" data-testid="import-running" role="status">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {what} · {file?.name}
        </Text>
        <Text size="sm" c="dimmed" data-testid="import-rows-read">
          {status ? `${formatCount(status.counts.rows)} rows` : `${Math.round(pct)} %`}
        </Text>
      </Group>
      <Progress value={pct} animated size="lg" aria-label={what} data-testid="import-progress" />
      {status && step === 'importing' && (
        <Text size="xs" c="dimmed">
          {formatCount(status.counts.imported)} new, {formatCount(status.counts.updated)} updated so far.
          Cancel keeps what is written so far and says so in the import history.
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={() => void cancel()} data-testid="import-cancel">
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
