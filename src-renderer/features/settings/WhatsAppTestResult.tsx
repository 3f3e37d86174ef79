import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Result, WhatsAppAccountInfo } from '../../../src-main/contract';
import { IconCheck } from '../../components/icons';
import { describeError } from '../../lib/errors';
import { formatCount } from '../../lib/format';

const QUALITY_COLOR: Record<string, string> = { GREEN: 'green', YELLOW: 'yellow', RED: 'red' };

/**
 * Words for a messaging limit tier: unique customers reachable per moving 24 h
 * (whatsapp-cloud-api.md, "Throughput and limits": TIER_250 … TIER_UNLIMITED).
 */
function tierText(tier: string | null): string {
  if (!tier) return 'Not reported';
  if (tier === 'TIER_UNLIMITED') return 'Unlimited';
  const m = /^TIER_(\d+)(K?)$/.exec(tier);
  if (!m) return tier;
  const n = Number(m[1]) * (m[2] ? 1000 : 1);
  return `${formatCount(n)} customers / 24 h`;
}

/** Throughput levels per whatsapp-cloud-api.md: STANDARD is 80 msg/s, HIGH up to 1,000 msg/s. */
function throughputText(level: string | null): string {
  if (level === 'STANDARD') return 'Standard (80 msg/s)';
  if (level === 'HIGH') return 'High (up to 1,000 msg/s)';
  return level ?? 'Not reported';
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The outcome of "Test connection" for WhatsApp: the phone number's facts as Meta reports them. */
export function WhatsAppTestResult({ result }: { result: Result<WhatsAppAccountInfo> | null }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <Alert color="red" title="Connection failed" data-testid="wa-test-result">
        {describeError(result.error)}
      </Alert>
    );
  }
  const info = result.value;
  return (
    <Paper withBorder p="md" data-testid="wa-test-result">
      <Group gap="xs" mb="sm" c="teal">
        <IconCheck />
        <Text fw={600}>Connected to {info.verifiedName}</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        <Fact label="Verified name">{info.verifiedName}</Fact>
        <Fact label="Phone number">{info.displayPhoneNumber}</Fact>
        <Fact label="Quality rating">
          <Badge color={QUALITY_COLOR[info.qualityRating] ?? 'gray'} variant="filled">
            {info.qualityRating}
          </Badge>
        </Fact>
        <Fact label="Messaging limit">
          <Text size="sm" title={info.messagingLimit ?? undefined}>
            {tierText(info.messagingLimit)}
          </Text>
        </Fact>
        <Fact label="Throughput">
          <Text size="sm">{throughputText(info.throughputLevel)}</Text>
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
