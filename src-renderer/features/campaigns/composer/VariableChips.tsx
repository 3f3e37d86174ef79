import { Button, Group, Text, Tooltip } from '@mantine/core';
import { CONTACT_FIELDS } from '../../../../src-main/contract';
import { FIELD_LABELS, snippetFor } from '../../../lib/liquid';

interface Props {
  attributeKeys: string[];
  onInsert: (snippet: string) => void;
}

/** A row of buttons inserting `{{ variable }}` snippets: contact fields, then imported attributes. */
export function VariableChips({ attributeKeys, onInsert }: Props) {
  const items = [
    ...CONTACT_FIELDS.map((f) => ({ key: f, label: FIELD_LABELS[f] })),
    ...attributeKeys.map((k) => ({ key: k, label: k })),
  ];
  return (
    <Group gap={6} align="center" data-testid="variable-chips">
      <Text size="xs" c="dimmed" mr={4}>
        Insert:
      </Text>
      {items.map(({ key, label }) => {
        const snippet = snippetFor(key, true);
        return (
          <Tooltip key={key} label={snippet} openDelay={400}>
            <Button
              size="compact-xs"
              variant="light"
              radius="xl"
              // Keep the caret where it is in the field being edited.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(snippet)}
              data-testid={`variable-${key}`}
            >
              {label}
            </Button>
          </Tooltip>
        );
      })}
    </Group>
  );
}
