import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { LibraryTemplate } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';

/** Renames a saved template; shows a taken name under the field. */
export function RenameModal({
  template,
  onClose,
}: {
  template: LibraryTemplate | null;
  onClose: (changed: boolean) => void;
}) {
  const [name, setName] = useState(template?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!template) return;
    setBusy(true);
    const r = await api.invoke('library:rename', { id: template.id, name });
    setBusy(false);
    if (r.ok) onClose(true);
    else setError(describeError(r.error));
  };

  return (
    <Modal opened={template !== null} onClose={() => onClose(false)} title="Rename template">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          data-autofocus
          data-testid="library-rename-input"
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => onClose(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="library-rename-save">
            Rename
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
