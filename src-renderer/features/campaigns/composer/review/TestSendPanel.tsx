import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RecipientPreview } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { describeError } from '../../../../lib/errors';
import type { DraftInput } from '../draft';

type Outcome = { ok: true; text: string } | { ok: false; error: AppErrorShape };

function OutcomeAlert({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <Alert color="teal" p="xs" data-testid={testId}>
      {outcome.text}
    </Alert>
  ) : (
    <Alert color="red" p="xs" title="Not sent" data-testid={testId}>
      {describeError(outcome.error)}
    </Alert>
  );
}

/**
 * Sends the shown recipient's rendering to my own email address (email:sendTest) and/or WhatsApp
 * number (review:testWhatsApp); the addresses are remembered (review:testTargets / saveTestTargets).
 */
export function TestSendPanel({
  draft,
  recipient,
}: {
  draft: DraftInput | null;
  recipient: RecipientPreview | null;
}) {
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState<'email' | 'whatsapp' | null>(null);
  const [emailOutcome, setEmailOutcome] = useState<Outcome | null>(null);
  const [waOutcome, setWaOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void api.invoke('review:testTargets', {}).then((r) => {
      if (!r.ok) return;
      setEmail((v) => v || r.value.email);
      setPhone((v) => v || r.value.whatsapp);
    });
  }, []);

  const contact = recipient ? { contactId: recipient.contactId } : {};
  const remember = () => void api.invoke('review:saveTestTargets', { email, whatsapp: phone });

  async function sendEmail() {
    if (!draft?.email) return;
    setBusy('email');
    const r = await api.invoke('email:sendTest', { email: draft.email, ...contact, to: email });
    setBusy(null);
    setEmailOutcome(
      r.ok
        ? { ok: true, text: `Sent “${r.value.subject}” to ${r.value.to}, as ${r.value.contactName} gets it.` }
        : { ok: false, error: r.error },
    );
    if (r.ok) remember();
  }

  async function sendWhatsApp() {
    if (!draft?.whatsapp) return;
    setBusy('whatsapp');
    const r = await api.invoke('review:testWhatsApp', { whatsapp: draft.whatsapp, ...contact, to: phone });
    setBusy(null);
    setWaOutcome(
      r.ok
        ? { ok: true, text: `Sent to ${r.value.to}, as ${r.value.contactName} gets it.` }
        : { ok: false, error: r.error },
    );
    if (r.ok) remember();
  }

  return (
    <Card data-testid="test-send">
      <Title order={4} mb={4}>
        Send a test to me
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {recipient
          ? `With the data of ${recipient.name || 'this recipient'}, as shown above.`
          : 'With sample data.'}
      </Text>
      <Stack gap="sm">
        {draft?.email && (
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label="My email address"
              placeholder="Empty: the From address"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="test-email-to"
            />
            <Button
              variant="default"
              loading={busy === 'email'}
              onClick={() => void sendEmail()}
              data-testid="test-email-send"
            >
              Send test email
            </Button>
          </Group>
        )}
        <OutcomeAlert outcome={emailOutcome} testId="test-email-result" />
        {draft?.whatsapp && (
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label="My WhatsApp number"
              placeholder="+44 7911 123456"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="test-whatsapp-to"
            />
            <Button
              variant="default"
              loading={busy === 'whatsapp'}
              disabled={!phone.trim()}
              onClick={() => void sendWhatsApp()}
              data-testid="test-whatsapp-send"
            >
              Send test WhatsApp
            </Button>
          </Group>
        )}
        <OutcomeAlert outcome={waOutcome} testId="test-whatsapp-result" />
      </Stack>
    </Card>
  );
}
