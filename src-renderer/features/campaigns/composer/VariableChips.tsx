import { Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { CONTACT_FIELDS } from '../../../../src-main/contract';
import { FIELD_LABELS, snippetFor } from '../../../lib/liquid';

interface Props {
  attributeKeys: string[];
  onInsert: (snippet: string) => void;
  /** Offer a default value for the variable (email editor); WhatsApp parameters do without. */
  withDefaultInput?: boolean;
}

/**
 * The Liquid snippet for `key`, with `fallback` as its default when given
 * (`{{ city | default: "your town" }}`, https://liquidjs.com/filters/default.html). Double quotes
 * in the fallback become single ones so the string literal stays closed.
 */
export function variableSnippet(key: string, fallback: string): string {
  const text = fallback.trim().replace(/"/g, "'");
  return text ? `{{ ${key} | default: "${text}" }}` : snippetFor(key, true);
}

/** A row of buttons inserting `{{ variable }}` snippets: contact fields, then imported attributes. */
export function VariableChips({ attributeKeys, onInsert, withDefaultInput = false }: Props) {
  const [fallback, setFallback] = useState('');
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
        const snippet = variableSnippet(key, fallback);
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
      {withDefaultInput && (
        <TextInput
          size="xs"
          w={170}
          placeholder="If empty, write…"
          aria-label="Default when the contact has no value"
          value={fallback}
          onChange={(e) => setFallback(e.currentTarget.value)}
          data-testid="variable-default"
        />
      )}
    </Group>
  );
}
