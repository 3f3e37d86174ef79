import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestInput } from '../../../../src-main/contract';

/** The email content a report action may carry. */
export type FallbackEmail = NonNullable<RequestInput<'campaigns:emailInstead'>['email']>;

/** Asks for the email to send when the campaign has none yet (a WhatsApp-only campaign). */
export function EmailInsteadModal({
  opened,
  busy,
  onClose,
  onSend,
}: {
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onSend: (email: FallbackEmail) => void;
}) {
  const [subject, setSubject] = useState('');
  const [html, setHtml] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Send the failed ones by email" size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          This campaign has no email yet. Write it here; personalisation works as in the composer, for example{' '}
          <code>{'{{ first_name | default: "there" }}'}</code>.
        </Text>
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="fallback-subject"
        />
        <Textarea
          label="Body (HTML)"
          autosize
          minRows={5}
          value={html}
          onChange={(e) => setHtml(e.currentTarget.value)}
          data-testid="fallback-body"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={!subject.trim() || !html.trim()}
            onClick={() => onSend({ subject, html })}
          >
            Queue the emails
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
