import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { LibraryTemplate } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { describeError, notifyError } from '../../lib/errors';
import { downloadText } from '../../lib/download';
import { LibraryEmpty, LibraryTable } from './LibraryTable';
import { RenameModal } from './RenameModal';
import { useLibrary } from './store';

/** The template library: saved email and WhatsApp content, with export and import as JSON files. */
export function LibraryPage() {
  const { templates, loading, error, load } = useLibrary();
  const [renaming, setRenaming] = useState<LibraryTemplate | null>(null);
  const [deleting, setDeleting] = useState<LibraryTemplate | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const exportTemplates = async (ids?: number[]) => {
    const r = await api.invoke('library:export', ids ? { ids } : {});
    if (!r.ok) return notifyError('Export failed', r.error);
    downloadText(r.value.fileName, [r.value.json], 'application/json');
  };

  const importFile = async (file: File) => {
    setImportError(null);
    const r = await api.invoke('library:import', { json: await file.text() });
    if (!r.ok) return setImportError(describeError(r.error));
    notifications.show({
      color: 'teal',
      message: `Imported ${r.value.imported} template${r.value.imported === 1 ? '' : 's'}.`,
    });
    await load();
  };

  const actions = {
    rename: setRenaming,
    remove: setDeleting,
    exportOne: (t: LibraryTemplate) => void exportTemplates([t.id]),
    duplicate: async (t: LibraryTemplate) => {
      const r = await api.invoke('library:duplicate', { id: t.id });
      if (!r.ok) notifyError('Could not duplicate', r.error);
      await load();
    },
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const r = await api.invoke('library:delete', { id: deleting.id });
    if (!r.ok) notifyError('Could not delete', r.error);
    setDeleting(null);
    await load();
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={2}>Template library</Title>
          <Text c="dimmed" size="sm">
            Reusable email content and WhatsApp template mappings. Share them as JSON files.
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => fileInput.current?.click()} data-testid="library-import">
            Import JSON…
          </Button>
          <Button
            variant="default"
            disabled={templates.length === 0}
            onClick={() => void exportTemplates()}
            data-testid="library-export-all"
          >
            Export all
          </Button>
        </Group>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="library-import-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </Group>
      {importError && (
        <Alert
          color="red"
          title="This file could not be imported"
          withCloseButton
          onClose={() => setImportError(null)}
          data-testid="library-import-error"
        >
          {importError}
        </Alert>
      )}
      {error && <Alert color="red">{error.message}</Alert>}
      <Card withBorder padding="lg">
        {loading && templates.length === 0 ? (
          <Loader />
        ) : templates.length === 0 ? (
          <LibraryEmpty onImport={() => fileInput.current?.click()} />
        ) : (
          <LibraryTable templates={templates} actions={actions} />
        )}
      </Card>
      {renaming && (
        <RenameModal
          key={renaming.id}
          template={renaming}
          onClose={(changed) => {
            setRenaming(null);
            if (changed) void load();
          }}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete template?">
        <Text>
          “{deleting?.name}” will be removed from the library. Campaigns already created keep their own copy
          of the content.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
          <Button color="red" onClick={() => void confirmDelete()} data-testid="library-delete-confirm">
            Delete
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
