import { Alert, Button, Group, List, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../src-main/contract';
import { IconSend } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError, fieldErrorsOf, notifyError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { useCampaigns } from '../store';
import { buildDraft, draftProblems, useComposer } from './store';

/** What is missing, and "Create and send": campaigns:create, then campaigns:start, then the live view. */
export function SendBar() {
  const state = useComposer();
  const go = useCampaigns((s) => s.go);
  const upsert = useCampaigns((s) => s.upsert);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const problems = draftProblems(state);

  async function createAndSend() {
    setBusy(true);
    setFailure(null);
    const created = await api.invoke('campaigns:create', buildDraft(state));
    if (!created.ok) {
      setBusy(false);
      state.setErrors(fieldErrorsOf(created.error));
      setFailure(created.error);
      return;
    }
    upsert(created.value);
    const started = await api.invoke('campaigns:start', { campaignId: created.value.id });
    setBusy(false);
    if (!started.ok) notifyError('The campaign was saved but did not start', started.error);
    state.reset();
    go({ view: 'campaign', id: created.value.id });
  }

  const audience = state.preview?.total;
  return (
    <Paper withBorder p="md" shadow="sm" style={{ position: 'sticky', bottom: 16, zIndex: 5 }}>
      {failure && (
        <Alert color="red" mb="sm" title="The campaign could not be created" data-testid="create-error">
          {describeError(failure)}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap" align="center">
        {problems.length > 0 ? (
          <List size="sm" c="dimmed" spacing={0} data-testid="draft-problems">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            Ready.{' '}
            {audience !== undefined
              ? `Sending starts at once to ${formatCount(audience)} ${audience === 1 ? 'contact' : 'contacts'}.`
              : 'Sending starts at once; preview first to check the messages.'}
          </Text>
        )}
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={() => go({ view: 'list' })} disabled={busy}>
            Back to campaigns
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => void createAndSend()}
            disabled={problems.length > 0}
            loading={busy}
            data-testid="create-and-send"
          >
            Create and send
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
