import { Alert, Badge, Button, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { DELIMITER_CHOICES, ENCODING_CHOICES, encodingName } from '../../../lib/decode';
import { formatCount } from '../../../lib/format';
import { useWizard } from './store';

/** Step 2: the first 50 rows as Herald reads them, with the detected encoding and delimiter (overridable). */
export function PreviewStep() {
  const { preview, busy, reread, go, reset } = useWizard();
  if (!preview) return null;
  const csv = preview.kind === 'csv';
  return (
    <Stack gap="md" data-testid="import-preview">
      <Group gap="md" align="flex-end">
        {csv ? (
          <>
            <Select
              label="Text encoding"
              description={`Detected: ${encodingName(preview.detectedEncoding)}`}
              data={ENCODING_CHOICES.map((value) => ({ value, label: encodingName(value) }))}
              value={preview.encoding}
              onChange={(v) => v && void reread({ encoding: v })}
              allowDeselect={false}
              disabled={busy}
              w={320}
              data-testid="import-encoding"
            />
            <Select
              label="Separator"
              description={`Detected: ${DELIMITER_CHOICES.find((d) => d.value === preview.detectedDelimiter)?.label ?? '—'}`}
              data={DELIMITER_CHOICES}
              value={preview.delimiter}
              onChange={(v) => v && void reread({ delimiter: v as ',' | ';' | '\t' | '|' })}
              allowDeselect={false}
              disabled={busy}
              w={200}
              data-testid="import-delimiter"
            />
          </>
        ) : (
          <Select
            label="Worksheet"
            data={preview.sheets}
            value={preview.sheet}
            onChange={(v) => v && void reread({ sheet: v })}
            allowDeselect={false}
            disabled={busy}
            w={260}
            data-testid="import-sheet"
          />
        )}
        <Badge variant="light" size="lg" tt="none" data-testid="import-detected">
          {csv ? `${preview.encoding ?? ''} · ${JSON.stringify(preview.delimiter)}` : 'Excel workbook'}
        </Badge>
      </Group>
      {preview.warnings.map((w) => (
        <Alert key={w} color="yellow" variant="light">
          {w}
        </Alert>
      ))}
      <Text size="sm" c="dimmed">
        The first {formatCount(preview.rows.length)} rows. If letters look wrong (Ã©, �), choose another
        encoding; if everything is in one column, choose another separator.
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped withTableBorder stickyHeader fz="xs" data-testid="import-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Line</Table.Th>
              {preview.headers.map((h, i) => (
                <Table.Th key={`${h}-${i}`}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td c="dimmed">{r.line}</Table.Td>
                {r.fields.map((f, i) => (
                  <Table.Td
                    key={i}
                    style={{
                      whiteSpace: 'nowrap',
                      maxWidth: 240,
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                    }}
                  >
                    {f}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.issues.length > 0 && (
        <Alert color="orange" variant="light" title="Problems in these rows">
          {preview.issues.slice(0, 5).map((i) => (
            <Text key={`${i.line}-${i.code}`} size="sm">
              Line {i.line}: {i.message}
            </Text>
          ))}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={reset}>
          Choose another file
        </Button>
        <Button onClick={() => go('mapping')} disabled={busy} data-testid="import-next">
          Next: columns
        </Button>
      </Group>
    </Stack>
  );
}
