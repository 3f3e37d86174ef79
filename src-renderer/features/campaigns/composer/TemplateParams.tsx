import { ActionIcon, Menu, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { CONTACT_FIELDS, type TemplatePlaceholder } from '../../../../src-main/contract';
import { IconPlus } from '../../../components/icons';
import { FIELD_LABELS, insertAt, snippetFor } from '../../../lib/liquid';
import { useComposer } from './store';

function placeholderLabel(p: TemplatePlaceholder): string {
  const where =
    p.component === 'header'
      ? 'Header'
      : p.component === 'body'
        ? 'Body'
        : `Button ${(p.buttonIndex ?? 0) + 1}`;
  return `${where} {{${p.name}}}`;
}

function ParamInput({ placeholder }: { placeholder: TemplatePlaceholder }) {
  const value = useComposer((s) => s.parameters[placeholder.key] ?? '');
  const error = useComposer((s) => s.errors[`whatsapp.parameters.${placeholder.key}`]);
  const attributeKeys = useComposer((s) => s.attributeKeys);
  const setParameter = useComposer((s) => s.setParameter);
  const input = useRef<HTMLInputElement>(null);

  function insert(variable: string) {
    const el = input.current;
    const next = insertAt(
      value,
      snippetFor(variable, false),
      el?.selectionStart ?? null,
      el?.selectionEnd ?? null,
    );
    setParameter(placeholder.key, next.value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }

  const menu = (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Insert a field into ${placeholderLabel(placeholder)}`}>
          <IconPlus size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Contact fields</Menu.Label>
        {CONTACT_FIELDS.map((f) => (
          <Menu.Item key={f} onClick={() => insert(f)}>
            {FIELD_LABELS[f]}
          </Menu.Item>
        ))}
        {attributeKeys.length > 0 && <Menu.Label>Imported fields</Menu.Label>}
        {attributeKeys.map((k) => (
          <Menu.Item key={k} onClick={() => insert(k)}>
            {k}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <TextInput
      ref={input}
      label={placeholderLabel(placeholder)}
      description={
        placeholder.example ? `Example: ${placeholder.example}` : 'Text or a field such as {{ first_name }}'
      }
      placeholder={placeholder.example ?? ''}
      value={value}
      onChange={(e) => setParameter(placeholder.key, e.currentTarget.value)}
      error={error}
      rightSection={menu}
      withAsterisk
      data-testid={`param-${placeholder.key}`}
    />
  );
}

/** One input per template placeholder, each with a menu inserting contact fields. */
export function TemplateParams({ placeholders }: { placeholders: TemplatePlaceholder[] }) {
  if (placeholders.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This template has no parameters: everyone gets the same text.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Parameters
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {placeholders.map((p) => (
          <ParamInput key={p.key} placeholder={p} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
