import {
  Accordion,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useCallback, useRef } from 'react';
import { IconMail } from '../../../components/icons';
import { insertAt } from '../../../lib/liquid';
import { type EmailEditorMode as Mode, useEditorPrefs } from './editorPrefs';
import { EmailAttachments } from './EmailAttachments';
import { EmailRichEditor } from './EmailRichEditor';
import { EmailTemplateCheck } from './EmailTemplateCheck';
import { EmailTestSend } from './EmailTestSend';
import { useComposer } from './store';
import { VariableChips } from './VariableChips';

const BODY_PLACEHOLDER = `<p>Hello {{ first_name | default: "there" }},</p>
<p>…</p>`;

/** The footer every campaign should carry; `{{ unsubscribe_url }}` is bound per recipient when sending. */
const UNSUBSCRIBE_FOOTER =
  '<p style="font-size:12px;color:#666">You receive this email because you are in our contacts. ' +
  '<a href="{{ unsubscribe_url }}">Unsubscribe</a></p>';

/** Markup the rich-text editor cannot keep (tables, inline styles, images, layout containers). */
function richTextWouldDrop(html: string): boolean {
  return /<(table|style|img|div|span|font|center)\b|\sstyle=/i.test(html);
}

/**
 * Email subject and body: rich text (Mantine tiptap) or raw HTML, variables with defaults inserted at
 * the caret, an unsubscribe footer, live Liquid checks with size indicators, attachments and a test send.
 */
export function EmailSection() {
  const { subject, html, errors, attributeKeys, update } = useComposer();
  const chosen = useEditorPrefs((s) => s.emailMode);
  const setMode = useEditorPrefs((s) => s.setEmailMode);
  const mode: Mode = chosen ?? (html.trim() && richTextWouldDrop(html) ? 'html' : 'rich');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const lastField = useRef<'subject' | 'html'>('html');
  const onReady = useCallback((e: Editor | null) => (editorRef.current = e), []);

  function insert(snippet: string, asHtml = false) {
    const field = lastField.current;
    if (field === 'html' && mode === 'rich' && editorRef.current) {
      editorRef.current
        .chain()
        .focus()
        .insertContent(asHtml ? snippet : { type: 'text', text: snippet })
        .run();
      return;
    }
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const current = field === 'subject' ? subject : html;
    const { value, caret } = insertAt(current, snippet, el?.selectionStart ?? null, el?.selectionEnd ?? null);
    update({ [field]: value });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  }

  function addFooter() {
    lastField.current = 'html';
    if (mode === 'rich' && editorRef.current) {
      editorRef.current.chain().focus('end').insertContent(UNSUBSCRIBE_FOOTER).run();
    } else update({ html: `${html.trimEnd()}\n${UNSUBSCRIBE_FOOTER}\n` });
  }

  function switchMode(next: Mode) {
    if (
      next === 'rich' &&
      richTextWouldDrop(html) &&
      !window.confirm(
        'Rich text keeps only simple formatting: tables, images and styles in this HTML would be removed. Switch anyway?',
      )
    )
      return;
    setMode(next);
  }

  return (
    <Card>
      <Group gap="xs" mb="md" justify="space-between">
        <Group gap="xs">
          <ThemeIcon variant="light" size="md">
            <IconMail size={16} />
          </ThemeIcon>
          <Title order={4}>Email</Title>
        </Group>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => switchMode(v as Mode)}
          data={[
            { value: 'rich', label: <span data-testid="email-mode-rich">Rich text</span> },
            { value: 'html', label: <span data-testid="email-mode-html">HTML</span> },
          ]}
        />
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
          {mode === 'rich' ? (
            <div onFocus={() => (lastField.current = 'html')}>
              <Text size="sm" fw={500} mb={4}>
                Body <span style={{ color: 'var(--mantine-color-error)' }}>*</span>
              </Text>
              <EmailRichEditor
                html={html}
                onChange={(v) => update({ html: v })}
                onReady={onReady}
                error={errors['email.html']}
              />
              {errors['email.html'] && (
                <Text size="xs" c="red" mt={4}>
                  {errors['email.html']}
                </Text>
              )}
            </div>
          ) : (
            <Textarea
              ref={bodyRef}
              label="Body (HTML)"
              description={
                'Write HTML. Variables use Liquid, for example {{ first_name | default: "there" }}.'
              }
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
          )}
          <VariableChips attributeKeys={attributeKeys} onInsert={(s) => insert(s)} withDefaultInput />
          <Group justify="space-between" align="flex-start">
            <EmailTemplateCheck subject={subject} html={html} />
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={addFooter}
              data-testid="email-add-unsubscribe"
            >
              Add unsubscribe footer
            </Button>
          </Group>
        </Stack>
        {errors.email && (
          <Text size="sm" c="red">
            {errors.email}
          </Text>
        )}
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="attachments">
            <Accordion.Control>Attachments</Accordion.Control>
            <Accordion.Panel>
              <EmailAttachments attributeKeys={attributeKeys} errors={errors} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="test">
            <Accordion.Control>Send a test email</Accordion.Control>
            <Accordion.Panel>
              <EmailTestSend subject={subject} html={html} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}
