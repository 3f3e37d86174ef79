import { Autocomplete, Button, Group, Radio, SimpleGrid, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { GroupSummary } from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { Stat } from './Stat';
import { useWizard } from './store';

/** Step 4: what the import will do, checked against the database before anything is written. */
export function SummaryStep() {
  const { analysis, existing, list, tags, set, start, go, busy } = useWizard();
  const [lists, setLists] = useState<GroupSummary[]>([]);
  const [tagNames, setTagNames] = useState<string[]>([]);
  const [listText, setListText] = useState(list && 'name' in list ? list.name : '');
  useEffect(() => {
    void api.invoke('lists:list', {}).then((r) => r.ok && setLists(r.value));
    void api.invoke('tags:list', {}).then((r) => r.ok && setTagNames(r.value.map((t) => t.name)));
  }, []);
  const r = analysis?.result;
  if (!r) return null;
  const chooseList = (text: string) => {
    setListText(text);
    const name = text.trim();
    const found = lists.find((l) => l.name.toLowerCase() === name.toLowerCase());
    set({ list: name === '' ? null : found ? { id: found.id } : { name } });
  };
  return (
    <Stack gap="lg" data-testid="import-check">
      <SimpleGrid cols={{ base: 4, md: 8 }} spacing="md">
        <Stat n={r.rows} label="rows" />
        <Stat n={r.valid} label="valid contacts" />
        <Stat n={r.imported} label="new" />
        <Stat n={r.existing} label="already saved" />
        <Stat n={r.duplicates} label="duplicates in file" warn />
        <Stat n={r.invalidPhone} label="invalid phones" warn />
        <Stat n={r.invalidEmail} label="invalid emails" warn />
        <Stat n={r.noChannel} label="no email or phone" warn />
      </SimpleGrid>
      {r.existing > 0 && (
        <Radio.Group
          label={
            <Title order={6}>{`${r.existing} contacts are already saved. What should happen to them?`}</Title>
          }
          value={existing}
          onChange={(v) => set({ existing: v as typeof existing })}
          data-testid="import-existing"
        >
          <Stack gap={6} mt="xs">
            <Radio value="fill" label="Fill in their empty fields only (recommended)" />
            <Radio value="overwrite" label="Overwrite their fields with the file's values" />
            <Radio value="skip" label="Leave them as they are" />
          </Stack>
        </Radio.Group>
      )}
      <Text size="xs" c="dimmed">
        An import never clears an opt-out, a suppression or a recorded consent.
      </Text>
      <Group grow align="flex-start">
        <Autocomplete
          label="Add the contacts to a list"
          description="Choose a list, or type a new name"
          placeholder="No list"
          data={lists.map((l) => l.name)}
          value={listText}
          onChange={chooseList}
          data-testid="import-list"
        />
        <TagsInput
          label="Tag the contacts"
          description="Press Enter after each tag"
          data={tagNames}
          value={tags}
          onChange={(v) => set({ tags: v })}
          data-testid="import-tags"
        />
      </Group>
      <Group justify="space-between">
        <Button variant="default" onClick={() => go('mapping')}>
          Back
        </Button>
        <Button
          onClick={() => void start()}
          loading={busy}
          disabled={r.valid === 0}
          data-testid="import-start"
        >
          Import {r.valid} contacts
        </Button>
      </Group>
    </Stack>
  );
}
