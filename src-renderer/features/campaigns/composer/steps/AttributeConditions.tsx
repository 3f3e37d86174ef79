import { ActionIcon, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AttributeCondition } from '../../../../../src-main/contract';
import { IconPlus, IconStop } from '../../../../components/icons';
import { useComposer } from '../store';

const OPS: { value: AttributeCondition['op']; label: string }[] = [
  { value: 'equals', label: 'equals' },
  { value: 'not_equals', label: 'does not equal' },
  { value: 'contains', label: 'contains' },
  { value: 'is_empty', label: 'is empty' },
  { value: 'is_not_empty', label: 'is not empty' },
];

/** Contact fields a condition may name besides the imported attributes (audience.ts COLUMN_KEYS). */
const FIELDS = ['language', 'first_name', 'last_name', 'email', 'phone'];
const MAX = 20;

/** "Any imported attribute" conditions: field, operator, value; all must hold. */
export function AttributeConditions() {
  const conditions = useComposer((s) => s.audience.attributes);
  const attributeKeys = useComposer((s) => s.attributeKeys);
  const setAudience = useComposer((s) => s.setAudience);
  const keys = [
    { group: 'Imported columns', items: attributeKeys },
    { group: 'Contact fields', items: FIELDS },
  ].filter((g) => g.items.length > 0);

  const change = (i: number, patch: Partial<AttributeCondition>) =>
    setAudience({ attributes: conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const remove = (i: number) => setAudience({ attributes: conditions.filter((_, j) => j !== i) });
  const add = () =>
    setAudience({
      attributes: [...conditions, { key: attributeKeys[0] ?? 'language', op: 'equals', value: '' }],
    });

  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={4}>Field conditions</Title>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={conditions.length >= MAX}
          data-testid="condition-add"
        >
          Add condition
        </Button>
      </Group>
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          No conditions. Add one to keep only contacts whose imported column (for example city) has a value.
        </Text>
      )}
      <Stack gap="xs">
        {conditions.map((c, i) => {
          const n = i + 1;
          const needsValue = c.op !== 'is_empty' && c.op !== 'is_not_empty';
          return (
            <Group key={i} gap="xs" wrap="nowrap" data-testid={`condition-${i}`}>
              <NativeSelect
                aria-label={`Condition ${n} field`}
                data={keys.some((g) => g.items.includes(c.key)) ? keys : [c.key, ...keys]}
                value={c.key}
                onChange={(e) => change(i, { key: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <NativeSelect
                aria-label={`Condition ${n} comparison`}
                data={OPS}
                value={c.op}
                onChange={(e) => change(i, { op: e.currentTarget.value as AttributeCondition['op'] })}
              />
              <TextInput
                aria-label={`Condition ${n} value`}
                placeholder="Value"
                value={c.value}
                disabled={!needsValue}
                onChange={(e) => change(i, { value: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove condition ${n}`}
                onClick={() => remove(i)}
              >
                <IconStop size={14} />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
