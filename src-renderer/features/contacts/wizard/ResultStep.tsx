import {
  Alert,
  Badge,
  Button,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { IconCheck } from '../../../components/icons';
import { notifyError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { downloadIssuesReport } from './issuesReport';
import { FIELD_LABELS } from './labels';
import { Stat } from './Stat';
import { useWizard } from './store';

/** Step 5: what the import wrote, how the columns were read, the problems, and the downloadable report. */
export function ResultStep() {
  const { job, reset } = useWizard();
  const [downloading, setDownloading] = useState(false);
  const r = job?.result;
  if (!job || !r) return null;
  const download = async () => {
    if (r.importId === null) return;
    setDownloading(true);
    try {
      await downloadIssuesReport(r.importId, r.fileName);
    } catch (e) {
      notifyError('Could not download the report', { code: 'internal', message: String(e) });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack gap="md" data-testid="import-summary">
      <Group justify="space-between">
        <Group gap="xs">
          <IconCheck color="var(--mantine-color-teal-7)" />
          <Title order={5}>
            {job.state === 'cancelled' ? 'Cancelled:' : 'Imported'} {r.fileName}
          </Title>
        </Group>
        <Button variant="light" onClick={reset} data-testid="import-again">
          Import another file
        </Button>
      </Group>
      {job.state === 'cancelled' && (
        <Alert color="yellow" variant="light">
          The import was cancelled. What is listed below was written; the rest of the file was not.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 4, md: 8 }} spacing="md">
        <Stat n={r.rows} label="rows" />
        <Stat n={r.valid} label="valid" />
        <Stat n={r.imported} label="imported" />
        <Stat n={r.updated} label="updated" />
        <Stat n={r.duplicates} label="duplicates" warn />
        <Stat n={r.invalidPhone} label="invalid phone" warn />
        <Stat n={r.invalidEmail} label="invalid email" warn />
        <Stat n={r.noChannel} label="no channel" warn />
      </SimpleGrid>
      <Group gap="xs">
        {Object.entries(r.mapping).map(([column, field]) => (
          <Badge key={column} variant="default" size="lg" tt="none" fw={500}>
            {column} → {FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field}
          </Badge>
        ))}
      </Group>
      {r.issues > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              Rows with problems ({formatCount(r.issues)})
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => void download()}
              loading={downloading}
              disabled={r.importId === null}
              data-testid="import-report"
            >
              Download the problems (CSV)
            </Button>
          </Group>
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
                {r.firstIssues.map((issue, i) => (
                  <Table.Tr key={`${issue.line}-${issue.code}-${i}`}>
                    <Table.Td>{issue.line}</Table.Td>
                    <Table.Td>{issue.field}</Table.Td>
                    <Table.Td>{issue.message}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {issue.value ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {r.issues > r.firstIssues.length && (
            <Text size="xs" c="dimmed">
              Showing the first {r.firstIssues.length}; the download has them all.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
