import { Alert, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlert } from '../../components/icons';
import { describeError } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { DropZone } from './DropZone';
import { useImport } from './importStore';
import { ImportSummaryCard } from './ImportSummaryCard';

/** Import area: drop zone or file chooser, a live row count while the file is read, then the summary. */
export function ImportPanel() {
  const { running, fileName, rowsRead, summary, error, encoding, run, dismiss } = useImport();
  return (
    <Stack gap="md">
      <Card>
        <Title order={4} mb="xs">
          Import contacts
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Contacts already in Herald (same email or phone) are updated, not duplicated.
        </Text>
        <DropZone disabled={running} onFile={(f) => void run(f)} />
        {running && (
          <Group gap="sm" mt="md" data-testid="import-running" role="status">
            <Loader size="sm" />
            <Text size="sm">
              Importing {fileName}
              {rowsRead !== null ? ` · ${formatCount(rowsRead)} rows read` : '…'}
            </Text>
          </Group>
        )}
        {error && (
          <Alert
            mt="md"
            color="red"
            icon={<IconAlert />}
            title={`Could not import ${fileName ?? 'the file'}`}
            withCloseButton
            onClose={dismiss}
            data-testid="import-error"
          >
            {describeError(error)}
          </Alert>
        )}
        {encoding && encoding !== 'utf-8' && !running && summary && (
          <Text size="xs" c="dimmed" mt="sm">
            The file was read as {encoding.toUpperCase()} text.
          </Text>
        )}
      </Card>
      {summary && <ImportSummaryCard summary={summary} onDismiss={dismiss} />}
    </Stack>
  );
}
