import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { RecipientPreview } from '../../../../src-main/contract';
import { ChatBubble } from '../../../components/ChatBubble';
import { EmailFrame } from '../../../components/EmailFrame';
import { IconAlert } from '../../../components/icons';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" w={64} display="inline-block">
        {label}
      </Text>
      {value}
    </Text>
  );
}

/** One recipient's messages exactly as they will be sent, with any problems as warnings. */
export function PreviewRecipientCard({ recipient }: { recipient: RecipientPreview }) {
  const { email, whatsapp, problems } = recipient;
  return (
    <Paper withBorder p="md" data-testid="preview-recipient">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{recipient.name || 'No name'}</Text>
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
          <Stack gap={4}>
            <Line label="To" value={email.to} />
            <Line label="Subject" value={email.subject} />
            <Paper withBorder mt={4} style={{ overflow: 'hidden' }}>
              <EmailFrame html={email.html} title={`Email to ${email.to}`} />
            </Paper>
          </Stack>
        )}
        {whatsapp && (
          <Stack gap={4}>
            <Line label="To" value={whatsapp.to} />
            <ChatBubble
              header={whatsapp.header}
              body={whatsapp.body}
              footer={whatsapp.footer}
              buttons={whatsapp.buttons}
              data-testid="preview-whatsapp"
            />
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
