import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RateTable, WhatsAppCategory } from '../../../../../src-main/contract';
import { IconPlus, IconStop } from '../../../../components/icons';
import { api } from '../../../../lib/api';
import { describeError } from '../../../../lib/errors';

type Row = RateTable['rows'][number];
const CATEGORIES: { key: WhatsAppCategory; label: string }[] = [
  { key: 'MARKETING', label: 'Marketing' },
  { key: 'UTILITY', label: 'Utility' },
  { key: 'AUTHENTICATION', label: 'Authentication' },
];
const blank = (): Row => ({ country: '', MARKETING: null, UTILITY: null, AUTHENTICATION: null });

/**
 * "Edit rates": the WhatsApp price per delivered template message by recipient country and category
 * (plan:rates / plan:saveRates; Meta prices per message). `*` is the default for other countries.
 */
export function RatesModal({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="WhatsApp rates" size="xl">
      {opened && <RatesEditor onSaved={onSaved} />}
    </Modal>
  );
}

/** The rate table's editor; mounted per opening, so it starts from the stored table each time. */
function RatesEditor({ onSaved }: { onSaved: () => void }) {
  const [table, setTable] = useState<RateTable | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.invoke('plan:rates', {}).then((r) => (r.ok ? setTable(r.value) : setError(r.error)));
  }, []);

  const setRow = (i: number, patch: Partial<Row>) =>
    table && setTable({ ...table, rows: table.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  async function save() {
    if (!table) return;
    setBusy(true);
    const r = await api.invoke('plan:saveRates', table);
    setBusy(false);
    if (r.ok) onSaved();
    else setError(r.error);
  }

  return (
    <>
      {table && (
        <Stack>
          <Group align="flex-end">
            <TextInput
              label="Currency"
              w={120}
              value={table.currency}
              onChange={(e) => setTable({ ...table, currency: e.currentTarget.value.toUpperCase() })}
              data-testid="rates-currency"
            />
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>
              Price per delivered template message. Use the country code (GB, DE) or * for every other
              country; leave a cell empty when you do not know the price.
            </Text>
          </Group>
          <Table data-testid="rates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Country</Table.Th>
                {CATEGORIES.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={`Row ${i + 1} country`}
                      w={70}
                      value={row.country}
                      onChange={(e) => setRow(i, { country: e.currentTarget.value.toUpperCase() })}
                    />
                  </Table.Td>
                  {CATEGORIES.map((c) => (
                    <Table.Td key={c.key}>
                      <NumberInput
                        aria-label={`Row ${i + 1} ${c.label} rate`}
                        min={0}
                        decimalScale={6}
                        value={row[c.key] ?? ''}
                        onChange={(v) => setRow(i, { [c.key]: typeof v === 'number' ? v : null })}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove row ${i + 1}`}
                      onClick={() => setTable({ ...table, rows: table.rows.filter((_, j) => j !== i) })}
                    >
                      <IconStop size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {table.rows.length === 0 && (
            <Text size="sm" c="dimmed">
              No rates yet: add a row per country, or one * row for all.
            </Text>
          )}
          {error && <Alert color="red">{describeError(error)}</Alert>}
          <Group justify="space-between">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setTable({ ...table, rows: [...table.rows, blank()] })}
              data-testid="rates-add"
            >
              Add a country
            </Button>
            <Button onClick={() => void save()} loading={busy} data-testid="rates-save">
              Save rates
            </Button>
          </Group>
        </Stack>
      )}
      {!table && error && <Alert color="red">{describeError(error)}</Alert>}
    </>
  );
}
