import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Result, WhatsAppAccountInfo } from '../../../src-main/contract';
import { WhatsAppCredentialBanner } from './WhatsAppCredentialBanner';
import { IconCheck } from '../../components/icons';
import { describeError } from '../../lib/errors';
import { formatCount } from '../../lib/format';

const QUALITY_COLOR: Record<string, string> = { GREEN: 'green', YELLOW: 'yellow', RED: 'red' };
const HEALTH_COLOR: Record<string, string> = { AVAILABLE: 'green', LIMITED: 'yellow', BLOCKED: 'red' };

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
      <Stack gap="xs" data-testid="wa-test-result">
        <WhatsAppCredentialBanner error={result.error} />
        <Alert color="red" title="Connection failed">
          {describeError(result.error)}
        </Alert>
      </Stack>
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
        <Fact label="Health">
          <Badge color={HEALTH_COLOR[info.health ?? ''] ?? 'gray'} variant="light" data-testid="wa-health">
            {info.health ?? 'Not reported'}
          </Badge>
        </Fact>
        <Fact label="Status">
          <Text size="sm">
            {[info.status, info.nameStatus && `name ${info.nameStatus}`].filter(Boolean).join(' · ') ||
              'Not reported'}
          </Text>
        </Fact>
      </SimpleGrid>
      {info.qualityRating !== 'GREEN' && info.qualityRating !== 'UNKNOWN' && (
        <Alert
          color={info.qualityRating === 'RED' ? 'red' : 'yellow'}
          mt="md"
          title={`Quality rating ${info.qualityRating}`}
          data-testid="wa-quality-warning"
        >
          Recipients are blocking or reporting messages from this number. Send fewer marketing messages, check
          WhatsApp Manager → Insights, and expect a lower messaging limit if it stays {info.qualityRating}.
        </Alert>
      )}
      {info.problems.length > 0 && (
        <Alert color="red" mt="md" title="WhatsApp limits or blocks sending" data-testid="wa-health-problems">
          <List size="sm">
            {info.problems.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {info.warnings.filter((w) => !w.startsWith('Quality rating')).length > 0 && (
        <Alert color="yellow" mt="md" data-testid="wa-health-warnings">
          <List size="sm">
            {info.warnings
              .filter((w) => !w.startsWith('Quality rating'))
              .map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
