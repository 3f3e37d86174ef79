import { Alert, Button, Group, Loader, Paper, Text } from '@mantine/core';
import { describeError } from '../../../../lib/errors';
import { formatCount } from '../../../../lib/format';
import { useNav } from '../../../shell/store';
import type { AudienceCount } from './useAudienceCount';

/** The live count line of the Audience step, or the empty state when Herald has no contacts. */
export function AudienceCountBadge({
  count,
  contactsInHerald,
}: {
  count: AudienceCount;
  contactsInHerald: number | null;
}) {
  const goPage = useNav((s) => s.go);
  if (contactsInHerald === 0) {
    return (
      <Alert color="blue" title="No contacts yet" data-testid="audience-empty">
        <Text size="sm" mb="xs">
          A campaign is sent to your contacts. Import a CSV or Excel file first.
        </Text>
        <Button size="xs" onClick={() => goPage('contacts')} data-testid="audience-import-link">
          Import contacts
        </Button>
      </Alert>
    );
  }
  if (count.error) {
    return (
      <Alert color="red" title="The audience could not be counted" data-testid="audience-count-error">
        {describeError(count.error)}
      </Alert>
    );
  }
  const n = count.value?.contacts ?? null;
  return (
    <Paper withBorder p="sm" role="status" aria-live="polite">
      <Group gap="xs">
        <Text fw={700} size="lg" data-testid="audience-count">
          {n === null ? '…' : formatCount(n)}
        </Text>
        <Text size="sm" c="dimmed">
          {n === 1 ? 'contact matches' : 'contacts match'} this audience
        </Text>
        {count.loading && <Loader size="xs" aria-label="Counting" />}
      </Group>
      {n === 0 && (
        <Text size="sm" c="orange" mt={4} data-testid="audience-count-zero">
          No contact matches: loosen a filter or choose other lists or tags.
        </Text>
      )}
    </Paper>
  );
}
