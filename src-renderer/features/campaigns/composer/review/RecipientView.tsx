import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { RecipientPreview } from '../../../../../src-main/contract';
import { PreviewBubble } from '../../../../components/ChatBubble';
import { EmailFrame } from '../../../../components/EmailFrame';
import { IconAlert } from '../../../../components/icons';
import { useSettings } from '../../../settings/store';

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Text size="sm" data-testid={testId}>
      <Text span c="dimmed" w={72} display="inline-block">
        {label}
      </Text>
      {value}
    </Text>
  );
}

/** The email's From and unsubscribe headers as the SMTP settings define them (compose.ts adds them). */
function useEmailEnvelope(): { from: string; unsubscribe: string | null } {
  const smtp = useSettings((s) => s.view?.smtp);
  if (!smtp?.fromAddress) return { from: 'Not set: see Settings → Email', unsubscribe: null };
  const from = smtp.fromName ? `${smtp.fromName} <${smtp.fromAddress}>` : smtp.fromAddress;
  const mailto = `mailto:${smtp.unsubscribeMailto || smtp.fromAddress}`;
  const unsubscribe = smtp.unsubscribeUrl ? `${mailto}, your unsubscribe page (one-click)` : mailto;
  return { from, unsubscribe };
}

/**
 * One recipient's messages exactly as the main process will send them: the email in a sandboxed
 * iframe (no scripts) with its envelope, the WhatsApp message as a chat bubble, and any problems.
 */
export function RecipientView({ recipient }: { recipient: RecipientPreview }) {
  const { email, whatsapp, problems } = recipient;
  const envelope = useEmailEnvelope();
  return (
    <Paper withBorder p="md" data-testid="preview-recipient">
      <Group justify="space-between" mb="sm">
        <Text fw={600} data-testid="preview-recipient-name">
          {recipient.name || 'No name'}
        </Text>
        <Group gap={6}>
          {email && <Badge variant="light">Email</Badge>}
          {whatsapp && (
            <Badge variant="light" color="green">
              WhatsApp
            </Badge>
          )}
        </Group>
      </Group>
      {problems.length > 0 && (
        <Alert color="yellow" icon={<IconAlert />} mb="sm" p="xs" data-testid="preview-problems">
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: email && whatsapp ? 2 : 1 }} spacing="md">
        {email && (
          <Stack gap={4} data-testid="preview-email">
            <Line label="From" value={envelope.from} />
            <Line label="To" value={email.to} testId="preview-email-to" />
            <Line label="Subject" value={email.subject} testId="preview-email-subject" />
            {envelope.unsubscribe && (
              <Line label="Headers" value={`List-Unsubscribe: ${envelope.unsubscribe}`} />
            )}
            <Paper withBorder mt={4} style={{ overflow: 'hidden' }}>
              <EmailFrame html={email.html} title={`Email to ${email.to}`} />
            </Paper>
          </Stack>
        )}
        {whatsapp && (
          <Stack gap={4}>
            <Line label="To" value={whatsapp.to} testId="preview-whatsapp-to" />
            <PreviewBubble preview={whatsapp} data-testid="preview-whatsapp" />
          </Stack>
        )}
      </SimpleGrid>
      {!email && !whatsapp && (
        <Text size="sm" c="dimmed">
          Nothing will be sent to this contact.
        </Text>
      )}
    </Paper>
  );
}
