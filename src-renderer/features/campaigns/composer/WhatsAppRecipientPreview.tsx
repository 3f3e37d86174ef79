import { ActionIcon, Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RequestOutput } from '../../../../src-main/contract';
import { PreviewBubble } from '../../../components/ChatBubble';
import { IconAlert, IconChevronLeft, IconChevronRight } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useComposer } from './store';
import { useWhatsAppExtras } from './WhatsAppExtrasStore';

type Preview = RequestOutput<'templates:preview'>;

/**
 * The WhatsApp message of any recipient as a chat bubble (templates:preview): step through the
 * audience to see each contact's values, language and header media, and what would stop the send.
 */
export function WhatsAppRecipientPreview() {
  const templateId = useComposer((s) => s.templateId);
  const parameters = useComposer((s) => s.parameters);
  const audience = useComposer((s) => s.audience);
  const languageFromContact = useWhatsAppExtras((s) => s.languageFromContact);
  const [offset, setOffset] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (templateId === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void api
        .invoke('templates:preview', {
          content: { templateId, parameters, languageFromContact },
          audience,
          offset,
        })
        .then((r) => {
          if (!current) return;
          setPreview(r.ok ? r.value : null);
          setError(r.ok ? null : r.error);
        });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [templateId, parameters, audience, languageFromContact, offset]);

  if (error) {
    return (
      <Text size="sm" c="dimmed" data-testid="wa-recipient-preview-error">
        {describeError(error)}
      </Text>
    );
  }
  const r = preview?.recipient;
  if (!preview || !r) return null;
  return (
    <Stack gap={6} data-testid="wa-recipient-preview">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} truncate>
          {r.name}
          <Text span c="dimmed" size="xs">
            {' '}
            {r.to ?? 'no phone'}
          </Text>
        </Text>
        <Group gap={4}>
          <Badge variant="light" color="green" data-testid="wa-preview-language">
            {r.language}
          </Badge>
          <ActionIcon
            variant="subtle"
            aria-label="Previous recipient"
            disabled={offset === 0}
            onClick={() => setOffset((o) => Math.max(0, o - 1))}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="xs" c="dimmed">
            {offset + 1} / {preview.total}
          </Text>
          <ActionIcon
            variant="subtle"
            aria-label="Next recipient"
            disabled={offset + 1 >= preview.total}
            onClick={() => setOffset((o) => o + 1)}
            data-testid="wa-preview-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      </Group>
      {r.problems.length > 0 && (
        <Alert color="yellow" icon={<IconAlert />} p="xs" data-testid="wa-preview-problems">
          <List size="xs" spacing={2}>
            {r.problems.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <PreviewBubble preview={r} data-testid="wa-recipient-bubble" />
    </Stack>
  );
}
