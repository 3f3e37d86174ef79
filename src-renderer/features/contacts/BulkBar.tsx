import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { BulkAction } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { useAudience } from './audienceStore';
import { useContacts } from './store';
import { useGroups } from './useGroups';

/** Actions on the selected contacts (or all matching): add to list, tag, suppress, delete. */
export function BulkBar() {
  const { selected, allMatching, total, filter, selectAllMatching, clearSelection, reload } = useAudience();
  const lists = useGroups('lists').groups;
  const tags = useGroups('tags').groups;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const count = allMatching ? (total ?? 0) : selected.size;
  if (count === 0 && !allMatching)
    return total ? (
      <Button variant="subtle" size="xs" onClick={() => selectAllMatching(true)} data-testid="select-all">
        Select all {formatCount(total)}
      </Button>
    ) : null;

  const run = async (action: BulkAction, done: string) => {
    const target = allMatching ? { filter } : { ids: [...selected] };
    const r = await api.invoke('contacts:bulk', { target, action });
    if (!r.ok) return notifyError('The action failed', r.error);
    notifySuccess(done, `${formatCount(r.value.affected)} changed`);
    clearSelection();
    await reload();
    void useContacts.getState().refresh();
  };
  return (
    <Group gap="xs" data-testid="bulk-bar">
      <Text size="sm" fw={600}>
        {formatCount(count)} selected
      </Text>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="light" data-testid="bulk-list">
            Add to list
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {lists.length === 0 && <Menu.Label>Create a list on the Lists page first</Menu.Label>}
          {lists.map((l) => (
            <Menu.Item
              key={l.id}
              onClick={() => void run({ type: 'addToList', listId: l.id }, `Added to ${l.name}`)}
            >
              {l.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="light" data-testid="bulk-tag">
            Tag
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {tags.length === 0 && <Menu.Label>Create a tag on the Tags page first</Menu.Label>}
          {tags.map((t) => (
            <Menu.Item key={t.id} onClick={() => void run({ type: 'tag', tagId: t.id }, `Tagged ${t.name}`)}>
              {t.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="light" color="orange" data-testid="bulk-suppress">
            Suppress
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(['email', 'whatsapp', 'both'] as const).map((channel) => (
            <Menu.Item
              key={channel}
              onClick={() =>
                void run({ type: 'suppress', channel, reason: 'Suppressed by the user' }, 'Suppressed')
              }
              data-testid={`bulk-suppress-${channel}`}
            >
              {channel === 'both' ? 'Email and WhatsApp' : channel === 'email' ? 'Email' : 'WhatsApp'}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() => setConfirmDelete(true)}
        data-testid="bulk-delete"
      >
        Delete
      </Button>
      <Button size="xs" variant="subtle" color="gray" onClick={clearSelection}>
        Clear selection
      </Button>
      {!allMatching && total !== null && total > selected.size && (
        <Button size="xs" variant="subtle" onClick={() => selectAllMatching(true)}>
          Select all {formatCount(total)}
        </Button>
      )}
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete contacts">
        <Text size="sm" mb="md">
          Delete {formatCount(count)} contacts? Their list and tag memberships go with them; suppressions
          stay.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            Keep them
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirmDelete(false);
              void run({ type: 'delete' }, 'Deleted');
            }}
            data-testid="bulk-delete-confirm"
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
