import { ActionIcon, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { GroupSummary } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { describeError, notifyError } from '../../lib/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { useAudience } from '../contacts/audienceStore';
import { useGroups } from '../contacts/useGroups';
import { useNav } from '../shell/store';

const WORDS = {
  lists: {
    title: 'Lists',
    one: 'list',
    intro: 'Named groups of contacts to send a campaign to. An import can fill a list.',
  },
  tags: { title: 'Tags', one: 'tag', intro: 'Free labels on contacts, for filtering and bulk actions.' },
} as const;

/** The Lists or Tags page: every list (tag) with its size; create, rename, delete, show its contacts. */
export function GroupsPage({ kind }: { kind: 'lists' | 'tags' }) {
  const w = WORDS[kind];
  const { groups, reload } = useGroups(kind);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<GroupSummary | null>(null);
  const [newName, setNewName] = useState('');
  const go = useNav((s) => s.go);
  const setFilter = useAudience((s) => s.setFilter);
  const create = async () => {
    const r = await api.invoke(kind === 'lists' ? 'lists:create' : 'tags:create', { name });
    if (!r.ok) return setError(describeError(r.error));
    setName('');
    setError(null);
    await reload();
  };
  const rename = async () => {
    if (!renaming) return;
    const r = await api.invoke(kind === 'lists' ? 'lists:rename' : 'tags:rename', {
      id: renaming.id,
      name: newName,
    });
    if (!r.ok) return notifyError(`Could not rename the ${w.one}`, r.error);
    setRenaming(null);
    await reload();
  };
  const remove = async (g: GroupSummary) => {
    const r = await api.invoke(kind === 'lists' ? 'lists:delete' : 'tags:delete', { id: g.id });
    if (!r.ok) return notifyError(`Could not delete the ${w.one}`, r.error);
    await reload();
  };
  const show = (g: GroupSummary) => {
    setFilter(kind === 'lists' ? { listId: g.id, tagId: undefined } : { tagId: g.id, listId: undefined });
    go('contacts');
  };
  return (
    <Stack gap="lg" maw={900} mx="auto" data-testid={`${kind}-page`}>
      <div>
        <Title order={2}>{w.title}</Title>
        <Text c="dimmed" size="sm">
          {w.intro}
        </Text>
      </div>
      <Card>
        <Group align="flex-end" mb="md">
          <TextInput
            label={`New ${w.one}`}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            onKeyDown={(e) => e.key === 'Enter' && void create()}
            w={320}
            data-testid={`${kind}-new-name`}
          />
          <Button onClick={() => void create()} disabled={name.trim() === ''} data-testid={`${kind}-create`}>
            Create
          </Button>
        </Group>
        {groups.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            No {kind} yet.
          </Text>
        ) : (
          <Table data-testid={`${kind}-table`} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={120}>Contacts</Table.Th>
                <Table.Th w={180}>Created</Table.Th>
                <Table.Th w={260} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.id} data-testid={`${kind}-row`}>
                  <Table.Td fw={600}>{g.name}</Table.Td>
                  <Table.Td>{formatCount(g.contacts)}</Table.Td>
                  <Table.Td c="dimmed" fz="sm">
                    {formatDateTime(g.createdAt)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => show(g)}>
                        Show contacts
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => (setRenaming(g), setNewName(g.name))}
                      >
                        Rename
                      </Button>
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        aria-label={`Delete ${g.name}`}
                        onClick={() => void remove(g)}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={`Rename ${w.one}`}>
        <TextInput value={newName} onChange={(e) => setNewName(e.currentTarget.value)} mb="md" />
        <Group justify="flex-end">
          <Button onClick={() => void rename()}>Save</Button>
        </Group>
      </Modal>
    </Stack>
  );
}
