import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, RequestOutput } from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { emailDraftExtras } from './EmailExtrasStore';

/** "Send a test email to me", rendered with a chosen contact's data (email:sendTest). */
export function EmailTestSend({ subject, html }: { subject: string; html: string }) {
  const [contacts, setContacts] = useState<{ value: string; label: string }[]>([]);
  const [contactId, setContactId] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RequestOutput<'email:sendTest'> | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void api.invoke('contacts:list', { limit: 100 }).then((r) => {
      if (!r.ok) return;
      setContacts(
        r.value.rows.map((c) => ({
          value: String(c.id),
          label: [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.phone || `#${c.id}`,
        })),
      );
    });
  }, []);

  async function send() {
    setBusy(true);
    setResult(null);
    setFailure(null);
    const r = await api.invoke('email:sendTest', {
      email: { subject, html, ...emailDraftExtras() },
      ...(contactId ? { contactId: Number(contactId) } : {}),
      to,
    });
    if (r.ok) setResult(r.value);
    else setFailure(r.error);
    setBusy(false);
  }

  return (
    <>
      <Group align="flex-end" wrap="nowrap">
        <Select
          label="Test with the data of"
          placeholder="Sample data (Alex Sample)"
          searchable
          clearable
          data={contacts}
          value={contactId}
          onChange={setContactId}
          style={{ flex: 1 }}
          data-testid="email-test-contact"
        />
        <TextInput
          label="Send to"
          placeholder="My From address"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="email-test-to"
        />
        <Button
          variant="default"
          onClick={() => void send()}
          loading={busy}
          disabled={!subject.trim() || !html.trim()}
          data-testid="email-test-send"
        >
          Send a test email to me
        </Button>
      </Group>
      {result && (
        <Alert color="teal" p="sm" data-testid="email-test-result">
          Sent “{result.subject}” to {result.to}, with the data of {result.contactName}.
        </Alert>
      )}
      {failure && (
        <Alert color="red" p="sm" title="The test email was not sent" data-testid="email-test-result">
          {describeError(failure)}
        </Alert>
      )}
    </>
  );
}
