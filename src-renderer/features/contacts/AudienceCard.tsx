import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AudienceContact } from '../../../src-main/contract';
import { describeError } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { useAudience } from './audienceStore';
import { AudienceTable } from './AudienceTable';
import { AudienceToolbar } from './AudienceToolbar';
import { BulkBar } from './BulkBar';
import { EditContactModal } from './EditContactModal';

/** The audience: search and filters, bulk actions, the virtualised table and the contact editor. */
export function AudienceCard() {
  const { total, filter, error, reload } = useAudience();
  const [editing, setEditing] = useState<AudienceContact | null>(null);
  useEffect(() => {
    void reload();
  }, [reload]);
  const filtered = Object.keys(filter).length > 0;
  return (
    <Card>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={4}>Contacts</Title>
            {total !== null && (
              <Badge variant="light" size="lg" data-testid="contacts-total">
                {formatCount(total)} {filtered ? 'matching' : total === 1 ? 'contact' : 'contacts'}
              </Badge>
            )}
          </Group>
          <BulkBar />
        </Group>
        <AudienceToolbar />
        {error && (
          <Alert color="red" title="Could not load contacts">
            {describeError(error)}
          </Alert>
        )}
        {total === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="contacts-empty">
            {filtered ? 'No contacts match these filters.' : 'No contacts yet. Import a file to get started.'}
          </Text>
        ) : (
          <AudienceTable onEdit={setEditing} />
        )}
      </Stack>
      {editing && <EditContactModal contact={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
