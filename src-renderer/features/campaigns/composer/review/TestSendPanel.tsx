import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RecipientPreview } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { describeError } from '../../../../lib/errors';
import type { DraftInput } from '../draft';

/** An address to send the test to and its Send button (test ids `<testId>-to`, `<testId>-send`). */
function TargetRow(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  disabled?: boolean;
  onSend: () => Promise<void>;
  button: string;
  testId: string;
}) {
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        style={{ flex: 1 }}
        data-testid={`${props.testId}-to`}
      />
      <Button
        variant="default"
        loading={props.busy}
        disabled={props.disabled ?? false}
        onClick={() => void props.onSend()}
        data-testid={`${props.testId}-send`}
      >
        {props.button}
      </Button>
    </Group>
  );
}

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
          <TargetRow
            label="My email address"
            placeholder="Empty: the From address"
            value={email}
            onChange={setEmail}
            busy={busy === 'email'}
            onSend={sendEmail}
            button="Send test email"
            testId="test-email"
          />
        )}
        <OutcomeAlert outcome={emailOutcome} testId="test-email-result" />
        {draft?.whatsapp && (
          <TargetRow
            label="My WhatsApp number"
            placeholder="+44 7911 123456"
            value={phone}
            onChange={setPhone}
            busy={busy === 'whatsapp'}
            disabled={!phone.trim()}
            onSend={sendWhatsApp}
            button="Send test WhatsApp"
            testId="test-whatsapp"
          />
        )}
        <OutcomeAlert outcome={waOutcome} testId="test-whatsapp-result" />
      </Stack>
    </Card>
  );
}
