import { Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { GroupSummary } from '../../../../../src-main/contract';
import { formatCount } from '../../../../lib/format';
import { useComposer } from '../store';
import { GroupSelect } from './GroupSelect';

/** Lists and tags whose contacts are left out; recipients excluded in Review; the suppression note. */
export function Exclusions({ lists, tags }: { lists: GroupSummary[]; tags: GroupSummary[] }) {
  const audience = useComposer((s) => s.audience);
  const setAudience = useComposer((s) => s.setAudience);
  const excluded = audience.excludeContactIds.length;
  return (
    <Card>
      <Title order={4} mb="md">
        Leave out
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <GroupSelect
          field="excludeListIds"
          groups={lists}
          label="Contacts in these lists"
          placeholder="No list"
          testId="exclude-lists"
        />
        <GroupSelect
          field="excludeTagIds"
          groups={tags}
          label="Contacts with these tags"
          placeholder="No tag"
          testId="exclude-tags"
        />
      </SimpleGrid>
      {excluded > 0 && (
        <Group gap="xs" mt="sm">
          <Text size="sm" data-testid="excluded-recipients">
            {formatCount(excluded)} {excluded === 1 ? 'recipient' : 'recipients'} left out in Review.
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setAudience({ excludeContactIds: [] })}>
            Include them again
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        The suppression list always applies: a suppressed address is never messaged on its channel, and the
        campaign report says so.
      </Text>
    </Card>
  );
}
