import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import type { LibraryTemplate } from '../../../src-main/contract';
import { formatDateTime } from '../../lib/format';

/** What a template says at a glance: the email subject, or the WhatsApp template and its mapping size. */
function summary(t: LibraryTemplate): string {
  if (t.channel === 'email') return `Subject: ${t.content.subject}`;
  const n = Object.keys(t.content.parameters).length;
  return `WhatsApp template #${t.content.templateId}, ${n} parameter${n === 1 ? '' : 's'} mapped`;
}

export interface LibraryActions {
  rename(t: LibraryTemplate): void;
  duplicate(t: LibraryTemplate): void;
  exportOne(t: LibraryTemplate): void;
  remove(t: LibraryTemplate): void;
}

/** The saved templates with their actions. */
export function LibraryTable({
  templates,
  actions,
}: {
  templates: LibraryTemplate[];
  actions: LibraryActions;
}) {
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid="library-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Channel</Table.Th>
          <Table.Th>Content</Table.Th>
          <Table.Th>Last changed</Table.Th>
          <Table.Th aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {templates.map((t) => (
          <Table.Tr key={t.id} data-testid="library-row">
            <Table.Td fw={500}>{t.name}</Table.Td>
            <Table.Td>
              <Badge variant="outline" color={t.channel === 'email' ? 'blue' : 'green'}>
                {t.channel === 'email' ? 'Email' : 'WhatsApp'}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {summary(t)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(t.updatedAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Actions for ${t.name}`}
                    data-testid="library-actions"
                  >
                    ⋯
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => actions.rename(t)}>Rename…</Menu.Item>
                  <Menu.Item onClick={() => actions.duplicate(t)}>Duplicate</Menu.Item>
                  <Menu.Item onClick={() => actions.exportOne(t)}>Export as JSON</Menu.Item>
                  <Menu.Divider />
                  <Menu.Item color="red" onClick={() => actions.remove(t)}>
                    Delete…
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Shown when nothing is saved yet. */
export function LibraryEmpty({ onImport }: { onImport: () => void }) {
  return (
    <Group justify="center" py="xl" data-testid="library-empty">
      <Text c="dimmed">
        No saved templates yet. Save an email or a WhatsApp mapping from the campaign composer, or
      </Text>
      <Button variant="light" onClick={onImport}>
        import a template file
      </Button>
    </Group>
  );
}
