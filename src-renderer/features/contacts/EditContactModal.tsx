import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AudienceContact } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { describeError, notifySuccess } from '../../lib/errors';
import { useAudience } from './audienceStore';

const CONSENT = [
  { value: 'granted', label: 'Yes' },
  { value: 'denied', label: 'No' },
];
const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'whatsapp', label: 'WhatsApp' },
];

/** Edits one contact (names, email, phone, language, preferred channel, consent, template fields) or deletes it. */
export function EditContactModal({ contact, onClose }: { contact: AudienceContact; onClose: () => void }) {
  const [form, setForm] = useState({
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    language: contact.language ?? '',
    emailConsent: contact.emailConsent,
    whatsappConsent: contact.whatsappConsent,
    preferredChannel: contact.preferredChannel as string | null,
    attributes: { ...contact.attributes },
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useAudience((s) => s.reload);
  const text = (k: 'firstName' | 'lastName' | 'email' | 'phone' | 'language') => ({
    value: form[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value }),
  });
  const save = async () => {
    setBusy(true);
    const r = await api.invoke('contacts:update', {
      id: contact.id,
      patch: {
        ...form,
        emailConsent: form.emailConsent as 'granted' | 'denied' | null,
        whatsappConsent: form.whatsappConsent as 'granted' | 'denied' | null,
        preferredChannel: form.preferredChannel as 'email' | 'whatsapp' | null,
      },
    });
    setBusy(false);
    if (!r.ok) return setError(describeError(r.error));
    notifySuccess('Contact saved');
    await reload();
    onClose();
  };
  const remove = async () => {
    const r = await api.invoke('contacts:delete', { ids: [contact.id] });
    if (!r.ok) return setError(describeError(r.error));
    await reload();
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Edit contact" size="lg">
      <Stack gap="sm" data-testid="contact-editor">
        <SimpleGrid cols={2}>
          <TextInput label="First name" {...text('firstName')} />
          <TextInput label="Last name" {...text('lastName')} />
          <TextInput label="Email" {...text('email')} data-testid="edit-email" />
          <TextInput label="Phone" {...text('phone')} data-testid="edit-phone" />
          <TextInput label="Language" {...text('language')} />
          <Select
            label="Preferred channel"
            data={CHANNELS}
            value={form.preferredChannel}
            clearable
            placeholder="None"
            onChange={(v) => setForm({ ...form, preferredChannel: v })}
            data-testid="edit-preferred-channel"
          />
          <Select
            label="Email consent"
            data={CONSENT}
            value={form.emailConsent}
            clearable
            placeholder="Not recorded"
            onChange={(v) => setForm({ ...form, emailConsent: v })}
          />
          <Select
            label="WhatsApp consent"
            data={CONSENT}
            value={form.whatsappConsent}
            clearable
            placeholder="Not recorded"
            onChange={(v) => setForm({ ...form, whatsappConsent: v })}
          />
        </SimpleGrid>
        {Object.keys(form.attributes).length > 0 && (
          <>
            <Text fw={600} size="sm">
              Template fields
            </Text>
            <SimpleGrid cols={2}>
              {Object.entries(form.attributes).map(([k, v]) => (
                <TextInput
                  key={k}
                  label={`{{ ${k} }}`}
                  value={v}
                  onChange={(e) =>
                    setForm({ ...form, attributes: { ...form.attributes, [k]: e.currentTarget.value } })
                  }
                />
              ))}
            </SimpleGrid>
          </>
        )}
        {error && (
          <Text c="red" size="sm" data-testid="edit-error">
            {error}
          </Text>
        )}
        <Group justify="space-between" mt="sm">
          <Button color="red" variant="subtle" onClick={() => void remove()}>
            Delete contact
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={busy} data-testid="edit-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
