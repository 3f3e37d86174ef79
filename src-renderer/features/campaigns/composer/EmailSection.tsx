import { Card, Group, Stack, Text, TextInput, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useRef } from 'react';
import { IconMail } from '../../../components/icons';
import { insertAt } from '../../../lib/liquid';
import { useComposer } from './store';
import { VariableChips } from './VariableChips';

const BODY_PLACEHOLDER = `<p>Hello {{ first_name | default: "there" }},</p>
<p>…</p>`;

/** Email subject and HTML body, with variable buttons that insert at the caret of the last field used. */
export function EmailSection() {
  const { subject, html, errors, attributeKeys, update } = useComposer();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'html'>('html');

  function insert(snippet: string) {
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const current = field === 'subject' ? subject : html;
    const { value, caret } = insertAt(current, snippet, el?.selectionStart ?? null, el?.selectionEnd ?? null);
    update({ [field]: value });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  }

  return (
    <Card>
      <Group gap="xs" mb="md">
        <ThemeIcon variant="light" size="md">
          <IconMail size={16} />
        </ThemeIcon>
        <Title order={4}>Email</Title>
      </Group>
      <Stack gap="md">
        <TextInput
          ref={subjectRef}
          label="Subject"
          placeholder="News from us, {{ first_name }}"
          value={subject}
          onChange={(e) => update({ subject: e.currentTarget.value })}
          onFocus={() => (lastField.current = 'subject')}
          error={errors['email.subject']}
          withAsterisk
          data-testid="email-subject"
        />
        <Stack gap={6}>
          <Textarea
            ref={bodyRef}
            label="Body (HTML)"
            description={'Write HTML. Variables use Liquid, for example {{ first_name | default: "there" }}.'}
            placeholder={BODY_PLACEHOLDER}
            autosize
            minRows={10}
            maxRows={30}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            value={html}
            onChange={(e) => update({ html: e.currentTarget.value })}
            onFocus={() => (lastField.current = 'html')}
            error={errors['email.html']}
            withAsterisk
            spellCheck={false}
            data-testid="email-body"
          />
          <VariableChips attributeKeys={attributeKeys} onInsert={insert} />
        </Stack>
        {errors.email && (
          <Text size="sm" c="red">
            {errors.email}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
