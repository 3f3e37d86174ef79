import '@mantine/dates/styles.css';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../../src-main/contract';
import { IconSend } from '../../../../components/icons';
import { describeError } from '../../../../lib/errors';
import { formatCount, percent } from '../../../../lib/format';
import { CHANNEL_MODE_LABEL } from '../../labels';
import { draftProblems } from '../draft';
import { isCurrent, useLint } from '../review/lintStore';
import { useAutoLint, useCurrentDraft } from '../review/useDraft';
import { useComposer } from '../store';
import { createCampaign } from './createCampaign';

type When = 'now' | 'schedule';

/**
 * Step 5, Send: now, or at a date and time (Herald must be open then; a missed schedule asks on the
 * next start). Send stays off, with the reason, until the draft is complete and its lint has no
 * blocking problem.
 */
export function SendStep() {
  const state = useComposer();
  const current = useCurrentDraft();
  useAutoLint(current);
  const lint = useLint();
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState<string | null>(() =>
    dayjs().add(1, 'hour').startOf('hour').format('YYYY-MM-DD HH:mm:ss'),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  const reasons = draftProblems(state);
  const linted = isCurrent(lint, current.key);
  const blocking = linted ? (lint.report?.blockingRecipients ?? 0) : 0;
  if (current.draft && !linted && !lint.error) reasons.push('Checking every recipient first…');
  if (lint.error && current.draft) reasons.push(`The check failed: ${describeError(lint.error)}`);
  if (blocking > 0)
    reasons.push(
      `${formatCount(blocking)} ${blocking === 1 ? 'recipient has' : 'recipients have'} a blocking problem: fix it or exclude them in Review.`,
    );
  if (when === 'schedule' && !at) reasons.push('Pick the date and time to start.');
  const total = linted ? lint.report?.total : undefined;

  async function send() {
    const start = when === 'schedule' && at ? dayjs(at).valueOf() : null;
    // Checked before creating, so a past time does not leave a stray draft campaign behind.
    if (start !== null && start <= Date.now())
      return setFailure({ code: 'invalid_input', message: 'Pick a time in the future.' });
    setBusy(true);
    setFailure(null);
    const err = await createCampaign(start);
    setBusy(false);
    if (err) setFailure(err);
  }

  return (
    <Stack gap="md" data-testid="step-send">
      <Card>
        <Title order={4} mb="sm">
          When
        </Title>
        <SegmentedControl
          data={[
            { value: 'now', label: 'Send now' },
            { value: 'schedule', label: 'Schedule' },
          ]}
          value={when}
          onChange={(v) => setWhen(v as When)}
          aria-label="When to send"
          data-testid="send-when"
        />
        {when === 'schedule' && (
          <Stack gap={4} mt="sm" maw={320}>
            <DateTimePicker
              label="Start at"
              value={at}
              onChange={setAt}
              minDate={dayjs().format('YYYY-MM-DD')}
              valueFormat="DD MMM YYYY HH:mm"
              data-testid="schedule-at"
            />
            <Text size="xs" c="dimmed">
              Herald must be open then. If it is closed, it asks you the next time it starts.
            </Text>
          </Stack>
        )}
      </Card>
      <Card>
        <Text size="sm" mb="sm">
          <b>{state.name.trim() || 'Unnamed campaign'}</b> · {CHANNEL_MODE_LABEL[state.channelMode]}
          {total !== undefined && ` · ${formatCount(total)} ${total === 1 ? 'recipient' : 'recipients'}`}
        </Text>
        {lint.running && (
          <Progress
            mb="sm"
            value={lint.progress ? percent(lint.progress.checked, lint.progress.total) : 0}
            animated
            aria-label="Checking recipients"
          />
        )}
        {lint.error && current.draft && (
          <Button
            variant="light"
            size="xs"
            mb="sm"
            onClick={() => current.draft && lint.run(current.draft)}
            data-testid="check-again"
          >
            Check again
          </Button>
        )}
        {failure && (
          <Alert color="red" mb="sm" title="The campaign could not be created" data-testid="create-error">
            {describeError(failure)}
          </Alert>
        )}
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          {reasons.length > 0 ? (
            <List size="sm" c="dimmed" spacing={0} data-testid="draft-problems">
              {reasons.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed" data-testid="send-ready">
              Ready.{' '}
              {when === 'now' ? 'Sending starts at once.' : `Starts ${dayjs(at).format('D MMM YYYY HH:mm')}.`}
            </Text>
          )}
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => void send()}
            disabled={reasons.length > 0}
            loading={busy}
            data-testid="create-and-send"
          >
            {when === 'now' ? 'Create and send' : 'Create and schedule'}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
