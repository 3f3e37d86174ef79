import { Card, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatCount, formatDateTime } from '../../../../lib/format';
import { useContacts } from '../../../contacts/store';
import { useGroups } from '../../../contacts/useGroups';
import { useComposer } from '../store';
import { AttributeConditions } from './AttributeConditions';
import { AudienceCountBadge } from './AudienceCountBadge';
import { AudienceFilters } from './AudienceFilters';
import { Exclusions } from './Exclusions';
import { GroupSelect } from './GroupSelect';
import { useAudienceCount } from './useAudienceCount';

/**
 * Step 1, Audience: lists and tags (any of), the import, filters, attribute conditions and
 * exclusions, with the live count from the main process (plan:count).
 */
export function AudienceStep() {
  const audience = useComposer((s) => s.audience);
  const setAudience = useComposer((s) => s.setAudience);
  const contactCount = useComposer((s) => s.contactCount);
  const error = useComposer((s) => s.errors['audience.importId'] ?? s.errors.audience);
  const imports = useContacts((s) => s.imports);
  const { groups: lists } = useGroups('lists');
  const { groups: tags } = useGroups('tags');
  const count = useAudienceCount(audience);

  const importOptions = [
    { value: '', label: 'Any import' },
    ...imports.map((i) => ({
      value: String(i.id),
      label: `${i.fileName}, imported ${formatDateTime(i.createdAt)} (${formatCount(i.imported)})`,
    })),
  ];

  return (
    <Stack gap="md" data-testid="step-audience">
      <AudienceCountBadge count={count} contactsInHerald={contactCount} />
      <Card>
        <Title order={4} mb={4}>
          Who
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Leave everything empty to send to every contact. Contacts in any of the chosen lists or with any of
          the chosen tags are included.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <GroupSelect
            field="listIds"
            groups={lists}
            label="In any of these lists"
            placeholder={lists.length ? 'All lists' : 'No lists yet'}
            testId="audience-lists"
          />
          <GroupSelect
            field="tagIds"
            groups={tags}
            label="With any of these tags"
            placeholder={tags.length ? 'All tags' : 'No tags yet'}
            testId="audience-tags"
          />
          <NativeSelect
            label="From import"
            data={importOptions}
            value={audience.importId === undefined ? '' : String(audience.importId)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setAudience({ importId: v ? Number(v) : undefined });
            }}
            error={error}
            data-testid="audience-select"
          />
        </SimpleGrid>
      </Card>
      <AudienceFilters />
      <AttributeConditions />
      <Exclusions lists={lists} tags={tags} />
    </Stack>
  );
}
