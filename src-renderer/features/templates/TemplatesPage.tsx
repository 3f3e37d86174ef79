import { Alert, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RequestOutput, WhatsAppTemplate } from '../../../src-main/contract';
import { TemplateBubble } from '../../components/ChatBubble';
import { IconRefresh } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const STATUS_COLOR: Record<string, string> = {
  APPROVED: 'green',
  PENDING: 'blue',
  IN_APPEAL: 'blue',
  REJECTED: 'red',
  DISABLED: 'red',
  PAUSED: 'yellow',
  LIMIT_EXCEEDED: 'yellow',
};

/**
 * The WhatsApp template library: every synced template with its language, status, category and
 * parameter format, and a chat-bubble preview of the selected one. Only APPROVED ones can be sent.
 */
export function TemplatesPage() {
  const [templates, setTemplates] = useState<WhatsAppTemplate[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [synced, setSynced] = useState<RequestOutput<'templates:sync'> | null>(null);

  async function load() {
    const r = await api.invoke('templates:list', {});
    if (r.ok) setTemplates(r.value);
    else setError(r.error);
  }
  async function sync() {
    setSyncing(true);
    setError(null);
    const r = await api.invoke('templates:sync', {});
    setSyncing(false);
    if (!r.ok) return setError(r.error);
    setSynced(r.value);
    await load();
  }
  useEffect(() => {
    let current = true;
    void api.invoke('templates:list', {}).then((r) => {
      if (!current) return;
      if (r.ok) setTemplates(r.value);
      else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const current = templates.find((t) => t.id === selected) ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>WhatsApp templates</Title>
        <Group gap="sm">
          {synced && (
            <Text size="sm" c="dimmed">
              Synced {synced.synced}, {synced.approved} approved
            </Text>
          )}
          <Button
            leftSection={<IconRefresh size={16} />}
            onClick={() => void sync()}
            loading={syncing}
            data-testid="library-sync"
          >
            Sync from Meta
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert
          color="red"
          title="Templates could not be loaded"
          withCloseButton
          onClose={() => setError(null)}
        >
          {describeError(error)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card p={0}>
            <Table highlightOnHover data-testid="wa-templates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Language</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Category</Table.Th>
                  <Table.Th>Parameters</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.map((t) => (
                  <Table.Tr
                    key={t.id}
                    onClick={() => setSelected(t.id)}
                    style={{ cursor: 'pointer' }}
                    bg={t.id === selected ? 'var(--mantine-color-default-hover)' : undefined}
                    data-status={t.status}
                  >
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>{t.language}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[t.status] ?? 'gray'} variant="light">
                        {t.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t.category}</Table.Td>
                    <Table.Td>
                      {t.parameterFormat === 'NAMED' ? 'Named' : 'Positional'} ·{' '}
                      {t.placeholders.filter((p) => !p.optional).length}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {templates.length === 0 && (
              <Text p="md" c="dimmed" size="sm">
                No templates yet: set up WhatsApp in Settings, then sync.
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {current ? (
            <Stack gap="xs" data-testid="wa-template-detail">
              <Text fw={600}>
                {current.name} · {current.language}
              </Text>
              <Text size="xs" c="dimmed">
                {current.status === 'APPROVED'
                  ? 'Approved: campaigns can send it.'
                  : `${current.status}: campaigns cannot send it until Meta approves it.`}{' '}
                Synced {formatDateTime(current.syncedAt)}.
              </Text>
              <TemplateBubble template={current} />
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              Select a template to preview it.
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
