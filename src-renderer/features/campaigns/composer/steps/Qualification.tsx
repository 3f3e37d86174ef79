import { Alert, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../../../../lib/api';
import { describeError } from '../../../../lib/errors';
import { formatCount } from '../../../../lib/format';
import { CHANNEL_LABEL } from '../../labels';
import type { RequestInput } from '../../../../../src-main/contract';
import { useComposer } from '../store';
import { useAnswer } from '../useAnswer';

const qualify = (key: string) => api.invoke('plan:qualify', JSON.parse(key) as RequestInput<'plan:qualify'>);

/** Per channel: how many audience contacts qualify, and how many do not, by reason (plan:qualify). */
export function Qualification() {
  const channelMode = useComposer((s) => s.channelMode);
  const audience = useComposer((s) => s.audience);
  const key = JSON.stringify({ channelMode, audience });
  const { value: answer, error, loading } = useAnswer(key, qualify, 250);

  return (
    <Card data-testid="qualification">
      <Group justify="space-between" mb="md">
        <Title order={4}>Who each channel reaches</Title>
        {loading && <Loader size="xs" aria-label="Checking who qualifies" />}
      </Group>
      {error && (
        <Alert color="red" title="Could not check who qualifies">
          {describeError(error)}
        </Alert>
      )}
      {answer && answer.audience === 0 && (
        <Text size="sm" c="dimmed">
          The audience is empty: nobody would get a message.
        </Text>
      )}
      {answer && answer.audience > 0 && (
        <SimpleGrid cols={{ base: 1, sm: answer.channels.length }}>
          {answer.channels.map((c) => (
            <Stack key={c.channel} gap={4} data-testid={`qualify-${c.channel}`}>
              <Text fw={600}>{CHANNEL_LABEL[c.channel]}</Text>
              <Text size="sm">
                <b data-testid={`qualify-${c.channel}-count`}>{formatCount(c.qualified)}</b> of{' '}
                {formatCount(answer.audience)} qualify
              </Text>
              {c.notQualified.length > 0 && (
                <List
                  size="sm"
                  spacing={0}
                  aria-label={`Why contacts do not get ${CHANNEL_LABEL[c.channel]}`}
                >
                  {c.notQualified.map((n) => (
                    <List.Item key={n.code}>
                      {n.label}: {formatCount(n.count)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
