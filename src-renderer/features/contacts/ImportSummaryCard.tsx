import { Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportSummary } from '../../../src-main/contract';
import { IconCheck } from '../../components/icons';
import { formatCount } from '../../lib/format';

const MAX_ISSUES_SHOWN = 200;

const FIELD_NAMES: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name',
  email: 'Email',
  phone: 'Phone',
  attribute: 'Extra field',
};

function Stat({ n, label, warn }: { n: number; label: string; warn?: boolean }) {
  return (
    <div data-testid={`import-stat-${label.replace(/ /g, '-')}`}>
      <Text span display="block" fz={22} fw={700} c={warn && n > 0 ? 'orange.7' : undefined} lh={1.2}>
        {formatCount(n)}
      </Text>{' '}
      <Text span display="block" size="sm" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

/** What an import did: counts, how columns were understood, and the rows with problems. */
export function ImportSummaryCard({ summary, onDismiss }: { summary: ImportSummary; onDismiss: () => void }) {
  const issues = summary.issues.slice(0, MAX_ISSUES_SHOWN);
  const mapping = Object.entries(summary.mapping);
  return (
    <Card data-testid="import-summary">
      <Group justify="space-between" mb="md">
        <Group gap="xs">
          <IconCheck color="var(--mantine-color-teal-7)" />
          <Title order={4}>Imported {summary.fileName}</Title>
        </Group>
        <Button variant="subtle" size="xs" color="gray" onClick={onDismiss}>
          Dismiss
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 4, md: 8 }} spacing="md" mb="lg">
        <Stat n={summary.rows} label="rows" />
        <Stat n={summary.valid} label="valid" />
        <Stat n={summary.imported} label="imported" />
        <Stat n={summary.updated} label="updated" />
        <Stat n={summary.duplicates} label="duplicates" warn />
        <Stat n={summary.invalidPhone} label="invalid phone" warn />
        <Stat n={summary.invalidEmail} label="invalid email" warn />
        <Stat n={summary.noChannel} label="no channel" warn />
      </SimpleGrid>
      <Stack gap="xs" mb={issues.length ? 'lg' : 0}>
        <Text fw={600} size="sm">
          How the columns were read
        </Text>
        <Group gap="xs">
          {mapping.map(([column, field]) => (
            <Badge key={column} variant="default" size="lg" tt="none" fw={500}>
              {column} → {FIELD_NAMES[field] ?? field}
            </Badge>
          ))}
        </Group>
      </Stack>
      {issues.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Rows with problems ({formatCount(summary.issues.length)})
          </Text>
          <ScrollArea.Autosize mah={300} type="auto">
            <Table striped withTableBorder stickyHeader data-testid="import-issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Line</Table.Th>
                  <Table.Th w={140}>Field</Table.Th>
                  <Table.Th>Problem</Table.Th>
                  <Table.Th>Value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issues.map((issue, i) => (
                  <Table.Tr key={`${issue.line}-${issue.field}-${i}`}>
                    <Table.Td>{issue.line}</Table.Td>
                    <Table.Td>{FIELD_NAMES[issue.field] ?? issue.field}</Table.Td>
                    <Table.Td>{issue.message}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {issue.value ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {summary.issues.length > issues.length && (
            <Text size="xs" c="dimmed">
              Showing the first {MAX_ISSUES_SHOWN} of {formatCount(summary.issues.length)} problems.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
