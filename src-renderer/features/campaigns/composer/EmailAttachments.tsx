import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AppErrorShape, RequestOutput } from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useEmailExtras } from './EmailExtrasStore';

type Listing = RequestOutput<'email:listFolder'>;

function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/**
 * Attachments: a folder on this computer, the files in it to attach for everyone, and optionally a
 * contact column naming each contact's own file in that folder (checked per recipient before sending).
 */
export function EmailAttachments({
  attributeKeys,
  errors,
}: {
  attributeKeys: string[];
  errors: Record<string, string>;
}) {
  const { attachments, attachmentFolder, attachmentColumn, setExtras } = useEmailExtras();
  const [listing, setListing] = useState<Listing | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function open() {
    setFailure(null);
    const r = await api.invoke('email:listFolder', { folder: attachmentFolder });
    if (r.ok) setListing(r.value);
    else {
      setListing(null);
      setFailure(r.error);
    }
  }

  function toggle(path: string, on: boolean) {
    setExtras({ attachments: on ? [...attachments, path] : attachments.filter((p) => p !== path) });
  }

  return (
    <Stack gap="xs" data-testid="email-attachments">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label="Attachments folder"
          description="The full path of a folder on this computer."
          placeholder="/Users/office/Documents/Spring mailing"
          style={{ flex: 1 }}
          value={attachmentFolder}
          onChange={(e) => setExtras({ attachmentFolder: e.currentTarget.value })}
          error={failure ? describeError(failure) : errors['email.attachmentFolder']}
          data-testid="email-attachment-folder"
        />
        <Button variant="default" onClick={() => void open()} disabled={!attachmentFolder.trim()}>
          Show files
        </Button>
      </Group>
      {listing && (
        <Stack gap={4}>
          {listing.files.length === 0 && (
            <Text size="sm" c="dimmed">
              No files in this folder.
            </Text>
          )}
          {listing.files.map((f) => {
            const path = joinPath(listing.folder, f.name);
            return (
              <Checkbox
                key={f.name}
                label={`${f.name} (${Math.max(1, Math.round(f.bytes / 1024))} KB) — attach for everyone`}
                checked={attachments.includes(path)}
                onChange={(e) => toggle(path, e.currentTarget.checked)}
              />
            );
          })}
        </Stack>
      )}
      {attachments.length > 0 && (
        <Text size="sm" c="dimmed">
          For everyone: {attachments.map((p) => p.split(/[/\\]/).pop()).join(', ')}
        </Text>
      )}
      <Select
        label="Each contact's own file"
        description="A contact column with a file name in the folder, such as an invoice. Contacts whose file is missing are not sent."
        placeholder="None"
        clearable
        data={attributeKeys}
        value={attachmentColumn || null}
        onChange={(v) => setExtras({ attachmentColumn: v ?? '' })}
        error={errors['email.attachmentColumn']}
        data-testid="email-attachment-column"
      />
    </Stack>
  );
}
