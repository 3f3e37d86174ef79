import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Channel, LibraryTemplate } from '../../../../../src-main/contract';
import { IconBook } from '../../../../components/icons';
import { api } from '../../../../lib/api';
import { describeError, notifyError, notifySuccess } from '../../../../lib/errors';
import { CHANNEL_LABEL } from '../../labels';
import { buildDraft } from '../draft';
import { useEditorPrefs } from '../editorPrefs';
import { useEmailExtras } from '../EmailExtrasStore';
import { useComposer } from '../store';
import { useWhatsAppExtras } from '../WhatsAppExtrasStore';

/** Puts a library entry's content into the composer (the matching channel's fields and extras). */
function applyTemplate(t: LibraryTemplate) {
  if (t.channel === 'email') {
    const { subject, html, attachments, attachmentFolder, attachmentColumn } = t.content;
    useComposer.getState().update({ subject, html });
    useEmailExtras.getState().setExtras({ attachments, attachmentFolder, attachmentColumn });
    // The loaded body decides the editor mode again (HTML with tables stays HTML).
    useEditorPrefs.getState().setEmailMode(null);
  } else {
    const { templateId, parameters, languageFromContact } = t.content;
    useComposer.getState().update({ templateId, parameters });
    useWhatsAppExtras.getState().setExtras({ languageFromContact: languageFromContact ?? false });
  }
}

/** "Load from library" and "Save to library" for one channel's content (library:list / library:save). */
export function LibraryBar({ channel, onLoaded }: { channel: Channel; onLoaded: () => void }) {
  const [saved, setSaved] = useState<LibraryTemplate[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = CHANNEL_LABEL[channel];
  const state = useComposer();
  const content = buildDraft(state, true)[channel];

  async function list() {
    const r = await api.invoke('library:list', {});
    if (r.ok) setSaved(r.value.filter((t) => t.channel === channel));
    else notifyError('The library could not be read', r.error);
  }

  async function save() {
    const draft = buildDraft(state, true);
    const entry =
      channel === 'email'
        ? draft.email && { name, channel: 'email' as const, content: draft.email }
        : draft.whatsapp && { name, channel: 'whatsapp' as const, content: draft.whatsapp };
    if (!entry) return;
    setBusy(true);
    const r = await api.invoke('library:save', entry);
    setBusy(false);
    if (!r.ok) return setError(describeError(r.error));
    setSaving(false);
    notifySuccess(`Saved to the library`, `${label} template “${r.value.name}”.`);
  }

  return (
    <Group gap="xs">
      <Menu shadow="md" position="bottom-end" onOpen={() => void list()}>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconBook size={14} />}
            data-testid={`library-load-${channel}`}
          >
            Load from library
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{label} templates</Menu.Label>
          {saved === null && <Menu.Item disabled>Loading…</Menu.Item>}
          {saved?.length === 0 && <Menu.Item disabled>Nothing saved yet</Menu.Item>}
          {saved?.map((t) => (
            <Menu.Item
              key={t.id}
              onClick={() => {
                applyTemplate(t);
                onLoaded();
              }}
            >
              {t.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button
        size="xs"
        variant="default"
        disabled={!content}
        onClick={() => {
          setName(state.name.trim());
          setError(null);
          setSaving(true);
        }}
        data-testid={`library-save-${channel}`}
      >
        Save to library
      </Button>
      <Modal
        opened={saving}
        onClose={() => setSaving(false)}
        title={`Save the ${label} content to the library`}
      >
        <Stack>
          <TextInput
            label="Template name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={busy} disabled={!name.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
