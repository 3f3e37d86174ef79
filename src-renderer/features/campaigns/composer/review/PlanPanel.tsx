import { Alert, Button, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { QuotaOutlook } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { describeError } from '../../../../lib/errors';
import { formatCount, formatDateTime, formatDuration, formatRate } from '../../../../lib/format';
import { CHANNEL_LABEL } from '../../labels';
import type { DraftInput } from '../draft';
import { useAnswer } from '../useAnswer';
import { RatesModal } from './RatesModal';

function quotaText(q: QuotaOutlook): string {
  if (q.cap === null) return `${q.source}: no daily cap known.`;
  const now = `${formatCount(q.availableNow ?? 0)} can go now (${formatCount(q.usedLast24h)} of ${formatCount(q.cap)} used in 24 h)`;
  if (q.waiting === 0) return `${q.source}: ${now}.`;
  return `${q.source}: ${now}; ${formatCount(q.waiting)} wait, all sent by ${formatDateTime(q.allSentBy)}.`;
}

/** `key` is "version\ndraft JSON" (JSON.stringify never emits a raw newline). */
const compute = (key: string) =>
  api.invoke('plan:compute', { draft: JSON.parse(key.slice(key.indexOf('\n') + 1)) as DraftInput });

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

/**
 * The pre-send plan (plan:compute in the main process): recipients per channel, skips with reasons,
 * what the quota allows now and when the rest goes, the duration at the channel's pace, and the
 * WhatsApp cost estimate with an editable rate table.
 */
export function PlanPanel({ draftKey }: { draftKey: string | null }) {
  const [ratesOpen, setRatesOpen] = useState(false);
  // Saved rates change the cost, not the draft: the version asks again.
  const [version, setVersion] = useState(0);
  const key = draftKey === null ? null : `${version}\n${draftKey}`;
  const { value: plan, error, loading } = useAnswer(key, compute, 400);

  return (
    <Card data-testid="plan-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Plan</Title>
        {loading && <Loader size="xs" aria-label="Computing the plan" />}
      </Group>
      {error && (
        <Alert color="red" title="The plan could not be computed">
          {describeError(error)}
        </Alert>
      )}
      {plan && (
        <Stack gap="sm">
          <Text size="sm">
            {formatCount(plan.audience)} {plan.audience === 1 ? 'contact' : 'contacts'} in the audience.
          </Text>
          <Table withTableBorder data-testid="plan-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Recipients</Table.Th>
                <Table.Th>Skipped</Table.Th>
                <Table.Th>Quota</Table.Th>
                <Table.Th>Duration</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.channels.map((c) => (
                <Table.Tr key={c.channel} data-testid={`plan-${c.channel}`}>
                  <Table.Td>{CHANNEL_LABEL[c.channel]}</Table.Td>
                  <Table.Td data-testid={`plan-${c.channel}-recipients`}>{formatCount(c.qualified)}</Table.Td>
                  <Table.Td>
                    {c.notQualified.length === 0 ? (
                      'None'
                    ) : (
                      <List size="xs" spacing={0}>
                        {c.notQualified.map((n) => (
                          <List.Item key={n.code}>
                            {n.label}: {formatCount(n.count)}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{quotaText(c.quota)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {c.durationMs < 1000 ? 'under a second' : `about ${formatDuration(c.durationMs)}`}{' '}
                      {c.ratePerSec > 0 ? `at ${formatRate(c.ratePerSec)}` : '(no pacing)'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {plan.fallbackEmails !== null && (
            <Text size="sm" data-testid="plan-fallback">
              {formatCount(plan.fallbackEmails)} emails wait as fallback: each goes only if that
              contact&apos;s WhatsApp message fails for good.
            </Text>
          )}
          {plan.cost && (
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" data-testid="plan-cost">
                  {plan.cost.missingRates.length === 0 ? (
                    <>
                      Estimated WhatsApp cost: <b>{money(plan.cost.total, plan.cost.currency)}</b>
                    </>
                  ) : plan.cost.lines.some((l) => l.cost !== null) ? (
                    <>
                      Estimated WhatsApp cost: at least <b>{money(plan.cost.total, plan.cost.currency)}</b>{' '}
                      (some countries have no rate)
                    </>
                  ) : (
                    <>Estimated WhatsApp cost: unknown until the rate table has rates</>
                  )}
                </Text>
                {plan.cost.missingRates.length > 0 && (
                  <Text size="xs" c="orange" data-testid="plan-missing-rates">
                    No rate for {plan.cost.missingRates.join(', ')}: add them (or a * default) to the rate
                    table.
                  </Text>
                )}
              </Stack>
              <Button
                size="xs"
                variant="default"
                onClick={() => setRatesOpen(true)}
                data-testid="plan-edit-rates"
              >
                Edit rates
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <RatesModal
        opened={ratesOpen}
        onClose={() => setRatesOpen(false)}
        onSaved={() => {
          setRatesOpen(false);
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
