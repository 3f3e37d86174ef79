import { Badge, Button, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { type ColumnField, attributeKey } from '../../../../src-main/contract';
import { countryOptions } from '../../settings/countries';
import { useSettings } from '../../settings/store';
import { FIELD_GROUPS, FIELD_LABELS } from './labels';
import { useWizard } from './store';

const MENU = FIELD_GROUPS.map((g) => ({
  group: g.group,
  items: g.items.map((value) => ({ value, label: FIELD_LABELS[value] })),
}));

/** Step 3: what each column becomes, guessed (or remembered for this header set) and changeable. */
export function MappingStep() {
  const { preview, fields, setField, go, analyse, busy, country, set } = useWizard();
  const defaultCountry = useSettings((s) => s.view?.general.defaultCountry ?? 'GB');
  if (!preview) return null;
  const samples = (i: number) =>
    preview.rows
      .map((r) => r.fields[i] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, 3);
  const used = new Set<string>();
  return (
    <Stack gap="md" data-testid="import-mapping">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {preview.remembered
            ? 'These are the choices you made the last time you imported a file with these columns.'
            : 'Herald guessed what each column holds from its name. Columns you keep as template fields can be used in messages as shown.'}
        </Text>
        <Select
          label="Country for numbers without +code"
          data={countryOptions(country ?? defaultCountry)}
          value={country ?? defaultCountry}
          onChange={(v) => set({ country: v })}
          searchable
          allowDeselect={false}
          w={260}
          data-testid="import-country"
        />
      </Group>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table withTableBorder stickyHeader verticalSpacing="xs" data-testid="import-mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th>Examples</Table.Th>
              <Table.Th w={330}>Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((h, i) => {
              const field = fields[i] ?? 'attribute';
              let key = attributeKey(h, i);
              if (field === 'attribute') {
                for (let n = 2; used.has(key); n++) key = `${attributeKey(h, i)}_${n}`;
                used.add(key);
              }
              return (
                <Table.Tr key={`${h}-${i}`}>
                  <Table.Td fw={600}>{h}</Table.Td>
                  <Table.Td fz="xs" c="dimmed" style={{ maxWidth: 280 }}>
                    {samples(i).join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={`Import ${h} as`}
                        data={MENU}
                        value={field}
                        onChange={(v) => v && setField(i, v as ColumnField)}
                        allowDeselect={false}
                        w={field === 'attribute' ? 200 : 300}
                        data-testid={`mapping-select-${i}`}
                      />
                      {field === 'attribute' && (
                        <Badge variant="default" tt="none" ff="monospace">{`{{ ${key} }}`}</Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Group justify="space-between">
        <Button variant="default" onClick={() => go('preview')}>
          Back
        </Button>
        <Button onClick={() => void analyse()} loading={busy} data-testid="import-next">
          Next: check the file
        </Button>
      </Group>
    </Stack>
  );
}
