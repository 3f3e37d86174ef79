import { Card, NativeSelect, SimpleGrid, TextInput, Title } from '@mantine/core';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useContacts } from '../../contacts/store';
import { useComposer } from './store';

/** Name and audience of the campaign being composed. */
export function DetailsSection() {
  const { name, importId, errors, contactCount, preview, update } = useComposer();
  const imports = useContacts((s) => s.imports);

  const options = [
    {
      value: '',
      label: `All contacts${contactCount === null ? '' : ` (${formatCount(contactCount)})`}`,
    },
    ...imports.map((i) => ({
      value: String(i.id),
      label: `${i.fileName}, imported ${formatDateTime(i.createdAt)} (${formatCount(i.imported)})`,
    })),
  ];
  const description = preview
    ? `${formatCount(preview.total)} ${preview.total === 1 ? 'contact' : 'contacts'} in this audience.`
    : 'Everyone in Herald, or only the contacts of one import.';

  return (
    <Card>
      <Title order={4} mb="md">
        Campaign
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          placeholder="Spring newsletter"
          description="Only you see this name."
          value={name}
          onChange={(e) => update({ name: e.currentTarget.value })}
          error={errors.name}
          withAsterisk
          data-autofocus
          data-testid="campaign-name"
        />
        <NativeSelect
          label="Audience"
          description={description}
          data={options}
          value={importId === null ? '' : String(importId)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update({ importId: v ? Number(v) : null });
          }}
          error={errors['audience.importId'] ?? errors.audience}
          data-testid="audience-select"
        />
      </SimpleGrid>
    </Card>
  );
}
