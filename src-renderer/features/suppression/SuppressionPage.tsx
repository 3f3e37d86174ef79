import {
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { Channel, Suppression, SuppressionAddResult } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { downloadText } from '../../lib/download';
import { UploadError, uploadFile } from '../contacts/upload';

type Tab = 'all' | Channel;

function summary(r: SuppressionAddResult): string {
  const bad = r.invalid.length
    ? `; ${r.invalid.length} not valid (first: ${r.invalid[0]!.value}: ${r.invalid[0]!.message})`
    : '';
  return `${formatCount(r.added)} added, ${formatCount(r.already)} already listed${bad}`;
}

/**
 * The suppression list per channel: addresses every campaign skips (opt-outs, bounces, complaints).
 * View and search, add by hand, import a file, export CSV, remove entries.
 */
export function SuppressionPage() {
  const [tab, setTab] = useState<Tab>('email');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [rows, setRows] = useState<Suppression[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<number | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const channel = tab === 'all' ? undefined : tab;

  const [version, setVersion] = useState(0);
  const fetchPage = useCallback(
    (afterId?: number) =>
      api.invoke('suppressions:list', {
        limit: 200,
        ...(channel ? { channel } : {}),
        ...(debounced ? { search: debounced } : {}),
        ...(afterId ? { afterId } : {}),
      }),
    [channel, debounced],
  );
  useEffect(() => {
    let live = true;
    void fetchPage().then((r) => {
      if (!live) return;
      if (!r.ok) return notifyError('Could not load the suppression list', r.error);
      setRows(r.value.rows);
      setTotal(r.value.total);
      setNext(r.value.nextAfterId);
    });
    return () => {
      live = false;
    };
  }, [fetchPage, version]);
  const load = async (afterId?: number) => {
    if (!afterId) return setVersion((v) => v + 1);
    const r = await fetchPage(afterId);
    if (!r.ok) return notifyError('Could not load the suppression list', r.error);
    setRows((prev) => [...prev, ...r.value.rows]);
    setNext(r.value.nextAfterId);
  };

  const add = async () => {
    if (!channel) return;
    setBusy(true);
    const addresses = text
      .split(/[\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const r = await api.invoke('suppressions:add', { channel, addresses });
    setBusy(false);
    if (!r.ok) return notifyError('Could not add', r.error);
    notifySuccess('Suppression list updated', summary(r.value));
    setText('');
    await load();
  };
  const importFile = async (file: File | null) => {
    if (!file || !channel) return;
    setBusy(true);
    try {
      const uploadId = await uploadFile(file, () => {});
      const r = await api.invoke('suppressions:import', { uploadId, channel });
      void api.invoke('contacts:uploadDiscard', { uploadId });
      if (!r.ok) notifyError('Could not import the file', r.error);
      else notifySuccess('Suppression list imported', summary(r.value));
    } catch (e) {
      notifyError(
        'Could not import the file',
        e instanceof UploadError ? e.error : { code: 'internal', message: String(e) },
      );
    }
    setBusy(false);
    await load();
  };
  const exportCsv = async () => {
    const parts: string[] = [];
    let afterId: number | undefined;
    for (;;) {
      const r = await api.invoke('suppressions:export', {
        limit: 5000,
        ...(channel ? { channel } : {}),
        ...(afterId ? { afterId } : {}),
      });
      if (!r.ok) return notifyError('Export failed', r.error);
      parts.push(r.value.csv);
      if (r.value.nextAfterId === null) break;
      afterId = r.value.nextAfterId;
    }
    downloadText(`herald-suppressions-${tab}.csv`, parts);
  };
  const remove = async () => {
    const r = await api.invoke('suppressions:remove', { ids: [...picked] });
    if (!r.ok) return notifyError('Could not remove', r.error);
    setPicked(new Set());
    await load();
  };

  return (
    <Stack gap="lg" maw={1000} mx="auto" data-testid="suppression-page">
      <div>
        <Title order={2}>Suppression list</Title>
        <Text c="dimmed" size="sm">
          Addresses that are never messaged on a channel, whatever the campaign: opt-outs, bounces,
          complaints. An import never removes one.
        </Text>
      </div>
      <Card>
        <Group justify="space-between" mb="md">
          <SegmentedControl
            value={tab}
            onChange={(v) => setTab(v as Tab)}
            data={[
              { value: 'email', label: 'Email' },
              { value: 'whatsapp', label: 'WhatsApp' },
              { value: 'all', label: 'All' },
            ]}
            data-testid="suppression-channel"
          />
          <Group gap="xs">
            <FileButton onChange={(f) => void importFile(f)} accept=".csv,.txt,.tsv,.xlsx">
              {(props) => (
                <Button
                  variant="default"
                  disabled={!channel || busy}
                  {...props}
                  data-testid="suppression-import"
                >
                  Import file
                </Button>
              )}
            </FileButton>
            <Button variant="default" onClick={() => void exportCsv()} data-testid="suppression-export">
              Export CSV
            </Button>
          </Group>
        </Group>
        {channel && (
          <Group align="flex-end" mb="md">
            <Textarea
              label={`Add ${channel === 'email' ? 'email addresses' : 'phone numbers'} (one per line)`}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={6}
              style={{ flex: 1 }}
              data-testid="suppression-add-text"
            />
            <Button
              onClick={() => void add()}
              loading={busy}
              disabled={text.trim() === ''}
              data-testid="suppression-add"
            >
              Add
            </Button>
          </Group>
        )}
        <Group justify="space-between" mb="xs">
          <TextInput
            placeholder="Search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
          <Group gap="xs">
            <Text size="sm" c="dimmed" data-testid="suppression-total">
              {formatCount(total)} suppressed
            </Text>
            {picked.size > 0 && (
              <Button size="xs" color="red" variant="light" onClick={() => void remove()}>
                Remove {picked.size}
              </Button>
            )}
          </Group>
        </Group>
        <Table data-testid="suppression-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>Address</Table.Th>
              <Table.Th w={100}>Channel</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th w={90}>Source</Table.Th>
              <Table.Th w={170}>Added</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${s.address}`}
                    checked={picked.has(s.id)}
                    onChange={() => {
                      const p = new Set(picked);
                      if (p.has(s.id)) p.delete(s.id);
                      else p.add(s.id);
                      setPicked(p);
                    }}
                  />
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {s.address}
                </Table.Td>
                <Table.Td>{s.channel}</Table.Td>
                <Table.Td fz="sm">{s.reason}</Table.Td>
                <Table.Td fz="sm">{s.source}</Table.Td>
                <Table.Td fz="xs" c="dimmed">
                  {formatDateTime(s.createdAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {next !== null && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void load(next)}>
              Load more
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
