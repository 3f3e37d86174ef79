import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Contact } from '../../../src-main/contract';
import { IconSearch } from '../../components/icons';
import { describeError } from '../../lib/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { useContacts } from './store';

function fullName(c: Contact): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/** The contacts table: debounced search, total count, keyset "Load more". */
export function ContactsTable() {
  const { rows, total, nextAfterId, search, loading, loadingMore, error, load, loadMore } = useContacts();
  const [query, setQuery] = useState(search);
  const [debounced] = useDebouncedValue(query.trim(), 300);

  useEffect(() => {
    void load(debounced);
  }, [debounced, load]);

  let empty: string | null = null;
  if (!loading && total === 0) {
    empty = debounced
      ? `No contacts match “${debounced}”.`
      : 'No contacts yet. Import a CSV file to get started.';
  }

  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm">
          <Title order={4}>Contacts</Title>
          {total !== null && (
            <Badge variant="light" size="lg" data-testid="contacts-total">
              {formatCount(total)} {debounced ? 'matching' : total === 1 ? 'contact' : 'contacts'}
            </Badge>
          )}
        </Group>
        <TextInput
          aria-label="Search contacts"
          placeholder="Search name, email or phone"
          leftSection={<IconSearch size={16} />}
          rightSection={loading ? <Loader size={14} /> : null}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={300}
          data-testid="contacts-search"
        />
      </Group>
      {error && (
        <Alert color="red" mb="md" title="Could not load contacts">
          {describeError(error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table data-testid="contacts-table" aria-busy={loading} tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Added</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id} data-testid="contact-row">
                <Table.Td>
                  {fullName(c) || (
                    <Text span c="dimmed">
                      No name
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.email ?? (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {c.phone ?? (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td c="dimmed" fz="sm">
                  {formatDateTime(c.createdAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total === null && loading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {empty && (
        <Text c="dimmed" ta="center" py="xl" data-testid="contacts-empty">
          {empty}
        </Text>
      )}
      {nextAfterId !== null && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void loadMore()}
            loading={loadingMore}
            data-testid="contacts-load-more"
          >
            Load more ({formatCount(rows.length)} of {formatCount(total ?? 0)} shown)
          </Button>
        </Group>
      )}
    </Card>
  );
}
