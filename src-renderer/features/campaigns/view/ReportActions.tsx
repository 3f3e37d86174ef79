import { Button, Group, Menu } from '@mantine/core';
import { useState } from 'react';
import type {
  CampaignProgress,
  RecipientRow,
  ReportActionResult,
  Result,
} from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { EmailInsteadModal, type FallbackEmail } from './EmailInsteadModal';

interface Props {
  progress: CampaignProgress;
  /** Rows ticked in the table. */
  selected: RecipientRow[];
  filter: { state?: RecipientRow['state']; channel?: RecipientRow['channel']; search?: string };
  onDone: (p: CampaignProgress) => void;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  URL.revokeObjectURL(url);
}

/** The report's actions: retry failed (retryable, or the ticked ones), email instead, unknown rows, CSV. */
export function ReportActions({ progress, selected, filter, onDone }: Props) {
  const { campaignId, counts } = progress;
  const [busy, setBusy] = useState<string | null>(null);
  const [askEmail, setAskEmail] = useState(false);
  const failed = counts.email.failed + counts.whatsapp.failed;
  const unknown = counts.email.unknown + counts.whatsapp.unknown;
  const ticked = (state: RecipientRow['state'], channel?: RecipientRow['channel']) =>
    selected.filter((r) => r.state === state && (!channel || r.channel === channel)).map((r) => r.id);
  const ids = (state: RecipientRow['state'], channel?: RecipientRow['channel']) => {
    const t = ticked(state, channel);
    return t.length > 0 ? t : undefined;
  };

  async function act(name: string, call: () => Promise<Result<ReportActionResult>>, what: string) {
    setBusy(name);
    const r = await call();
    setBusy(null);
    if (!r.ok) {
      if (name === 'email' && r.error.code === 'invalid_input') return setAskEmail(true);
      return notifyError(`Could not ${what}`, r.error);
    }
    setAskEmail(false);
    notifySuccess(
      `${r.value.changed} ${r.value.changed === 1 ? 'message' : 'messages'} queued or changed`,
      r.value.skipped ? `${r.value.skipped} left as they were.` : undefined,
    );
    onDone(r.value.progress);
  }

  const emailInstead = (email?: FallbackEmail) =>
    act(
      'email',
      () =>
        api.invoke('campaigns:emailInstead', {
          campaignId,
          rowIds: ids('failed', 'whatsapp'),
          ...(email ? { email } : {}),
        }),
      'queue the emails',
    );

  async function exportCsv() {
    setBusy('csv');
    const r = await api.invoke('campaigns:exportCsv', { campaignId, ...filter });
    setBusy(null);
    if (!r.ok) return notifyError('Could not export the report', r.error);
    download(r.value.fileName, r.value.csv);
  }

  return (
    <Group gap="xs" data-testid="report-actions">
      {failed > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="light" loading={busy === 'retry'} data-testid="retry-failed">
              Retry failed
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              onClick={() =>
                void act('retry', () => api.invoke('campaigns:retryFailed', { campaignId }), 'retry')
              }
            >
              Those that may succeed now (retries ran out)
            </Menu.Item>
            <Menu.Item
              disabled={ticked('failed').length === 0}
              onClick={() =>
                void act(
                  'retry',
                  () => api.invoke('campaigns:retryFailed', { campaignId, rowIds: ticked('failed') }),
                  'retry',
                )
              }
            >
              The ticked ones ({ticked('failed').length})
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {counts.whatsapp.failed > 0 && (
        <Button
          size="xs"
          variant="light"
          loading={busy === 'email'}
          onClick={() => void emailInstead()}
          data-testid="email-instead"
        >
          Send the failed ones by email instead
        </Button>
      )}
      {unknown > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="light"
              color="orange"
              loading={busy === 'unknown'}
              data-testid="resolve-unknown"
            >
              Unknown: resend or mark as sent
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>
              {ticked('unknown').length > 0 ? `The ${ticked('unknown').length} ticked` : `All ${unknown}`}
            </Menu.Label>
            <Menu.Item
              onClick={() =>
                void act(
                  'unknown',
                  () =>
                    api.invoke('campaigns:resolveUnknown', {
                      campaignId,
                      action: 'resend',
                      rowIds: ids('unknown'),
                    }),
                  'resend',
                )
              }
            >
              Resend (the recipient may get it twice)
            </Menu.Item>
            <Menu.Item
              onClick={() =>
                void act(
                  'unknown',
                  () =>
                    api.invoke('campaigns:resolveUnknown', {
                      campaignId,
                      action: 'mark_sent',
                      rowIds: ids('unknown'),
                    }),
                  'mark as sent',
                )
              }
            >
              Mark as sent
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Button
        size="xs"
        variant="default"
        loading={busy === 'csv'}
        onClick={() => void exportCsv()}
        data-testid="export-csv"
      >
        Export CSV
      </Button>
      <EmailInsteadModal
        opened={askEmail}
        busy={busy === 'email'}
        onClose={() => setAskEmail(false)}
        onSend={(e) => void emailInstead(e)}
      />
    </Group>
  );
}
