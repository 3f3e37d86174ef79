import { ActionIcon, Group, Menu, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import {
  CONTACT_FIELDS,
  type TemplatePlaceholder,
  type WhatsAppTemplate,
} from '../../../../src-main/contract';
import { IconPlus } from '../../../components/icons';
import { FIELD_LABELS, insertAt, snippetFor } from '../../../lib/liquid';
import { useComposer } from './store';
import { WhatsAppMediaInput } from './WhatsAppMediaInput';

/** A template button as the contract lists it (`WhatsAppTemplate.buttons`). */
type TemplateButton = WhatsAppTemplate['buttons'][number];

function placeholderLabel(p: TemplatePlaceholder, buttons: TemplateButton[]): string {
  if (p.optional && p.name === 'payload') {
    const text = buttons[p.buttonIndex ?? -1]?.text ?? `Button ${(p.buttonIndex ?? 0) + 1}`;
    return `Quick reply “${text}” — payload (optional)`;
  }
  const where =
    p.component === 'header'
      ? 'Header'
      : p.component === 'body'
        ? 'Body'
        : `Button ${(p.buttonIndex ?? 0) + 1}`;
  return `${where} {{${p.name}}}`;
}

/** `{{ name }}` or `{{ name | default: "x" }}` → its parts; null for anything else (text, Liquid). */
export function parseMapping(value: string): { variable: string; fallback: string } | null {
  const m = /^\{\{\s*([A-Za-z_][\w]*)\s*(?:\|\s*default:\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}$/.exec(value.trim());
  return m ? { variable: m[1] ?? '', fallback: (m[2] ?? '').replace(/\\"/g, '"') } : null;
}

/** The Liquid for a field or column with an optional default (LiquidJS `default` filter). */
export function mappingLiquid(variable: string, fallback: string): string {
  if (!fallback) return `{{ ${variable} }}`;
  return `{{ ${variable} | default: "${fallback.replace(/["\\]/g, '\\$&')}" }}`;
}

/** The field's hint: Meta's example, or for a quick-reply payload what leaving it empty does. */
function placeholderHint(p: TemplatePlaceholder): string {
  if (p.optional)
    return 'Left empty, Herald sends the button text. The payload comes back to you when the recipient taps the button.';
  return p.example ? `Example: ${p.example}` : 'Text or a field such as {{ first_name }}';
}

function ParamInput({ placeholder, label }: { placeholder: TemplatePlaceholder; label: string }) {
  const value = useComposer((s) => s.parameters[placeholder.key] ?? '');
  const error = useComposer((s) => s.errors[`whatsapp.parameters.${placeholder.key}`]);
  const attributeKeys = useComposer((s) => s.attributeKeys);
  const setParameter = useComposer((s) => s.setParameter);
  const input = useRef<HTMLInputElement>(null);
  const mapping = parseMapping(value);

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
        <ActionIcon variant="subtle" aria-label={`Insert a field into ${label}`}>
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

  const sources = [
    { value: '', label: 'Text or Liquid' },
    { group: 'Contact fields', items: CONTACT_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] })) },
    ...(attributeKeys.length > 0
      ? [{ group: 'Imported columns', items: attributeKeys.map((k) => ({ value: k, label: k })) }]
      : []),
  ];

  return (
    <Stack gap={4}>
      <TextInput
        ref={input}
        label={label}
        description={placeholderHint(placeholder)}
        placeholder={placeholder.example ?? ''}
        value={value}
        onChange={(e) => setParameter(placeholder.key, e.currentTarget.value)}
        error={error}
        rightSection={menu}
        withAsterisk={!placeholder.optional}
        data-testid={`param-${placeholder.key}`}
      />
      <Group gap="xs" grow>
        <NativeSelect
          size="xs"
          aria-label={`Map ${label} to`}
          data={sources}
          value={mapping?.variable ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setParameter(placeholder.key, v ? mappingLiquid(v, mapping?.fallback ?? '') : '');
          }}
          data-testid={`map-${placeholder.key}`}
        />
        <TextInput
          size="xs"
          placeholder="Default when empty"
          aria-label={`Default for ${label}`}
          disabled={!mapping}
          value={mapping?.fallback ?? ''}
          onChange={(e) =>
            mapping && setParameter(placeholder.key, mappingLiquid(mapping.variable, e.currentTarget.value))
          }
          data-testid={`default-${placeholder.key}`}
        />
      </Group>
    </Stack>
  );
}

/**
 * One mapping per template placeholder: a contact field or imported column (with a default), a fixed
 * text, or any Liquid; a media header gets a file, link or column instead. `buttons` (the template's)
 * name the quick-reply buttons whose optional payload can be mapped.
 */
export function TemplateParams({
  placeholders,
  buttons,
}: {
  placeholders: TemplatePlaceholder[];
  buttons: TemplateButton[];
}) {
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
        {placeholders.map((p) =>
          p.media ? (
            <WhatsAppMediaInput key={p.key} placeholder={p} />
          ) : (
            <ParamInput key={p.key} placeholder={p} label={placeholderLabel(p, buttons)} />
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}
