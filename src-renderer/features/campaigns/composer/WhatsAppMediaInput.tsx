import {
  Button,
  FileButton,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  MEDIA_REF_PREFIX,
  type AppErrorShape,
  type MediaFile,
  type TemplatePlaceholder,
} from '../../../../src-main/contract';
import { IconUpload } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useComposer } from './store';

type Source = 'file' | 'link' | 'column';

/** WhatsApp's header media limits (Meta "Supported media types"), for the file picker and its hint. */
const ACCEPT = {
  image: { mime: 'image/jpeg,image/png', hint: 'JPEG or PNG, up to 5 MB' },
  video: { mime: 'video/mp4,video/3gpp', hint: 'MP4 or 3GPP, up to 16 MB' },
  document: {
    mime: 'application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt',
    hint: 'PDF or Office, up to 100 MB',
  },
} as const;

function sourceOf(value: string): Source {
  if (value.startsWith(MEDIA_REF_PREFIX)) return 'file';
  if (/\{\{|\{%/.test(value)) return 'column';
  return 'link';
}

/** Reads a file as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The header media of an IMAGE/VIDEO/DOCUMENT template: a file added to Herald's media library
 * (uploaded to Meta once per campaign), one link for everyone, or a per-contact column holding a link.
 */
export function WhatsAppMediaInput({ placeholder }: { placeholder: TemplatePlaceholder }) {
  const kind = placeholder.media ?? 'image';
  const value = useComposer((s) => s.parameters[placeholder.key] ?? '');
  const error = useComposer((s) => s.errors[`whatsapp.parameters.${placeholder.key}`]);
  const attributeKeys = useComposer((s) => s.attributeKeys);
  const setParameter = useComposer((s) => s.setParameter);
  const [source, setSource] = useState<Source>(() => sourceOf(value));
  const [uploaded, setUploaded] = useState<MediaFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    const base64 = await readBase64(file);
    const r = await api.invoke('templates:uploadMedia', { fileName: file.name, mimeType: file.type, base64 });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    setUploaded(r.value);
    setParameter(placeholder.key, `${MEDIA_REF_PREFIX}${r.value.id}`);
  }

  const column = /\{\{\s*([\w]+)\s*\}\}/.exec(value)?.[1] ?? '';
  return (
    <Stack gap={6} data-testid="wa-media-input">
      <Text fw={500} size="sm">
        Header {kind}
      </Text>
      <SegmentedControl
        size="xs"
        value={source}
        onChange={(v) => {
          setSource(v as Source);
          setParameter(placeholder.key, '');
        }}
        data={[
          { value: 'file', label: 'File' },
          { value: 'link', label: 'Link' },
          { value: 'column', label: 'Column' },
        ]}
        data-testid="wa-media-source"
      />
      {source === 'file' && (
        <Group gap="sm">
          <FileButton onChange={(f) => void upload(f)} accept={ACCEPT[kind].mime}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconUpload size={14} />}
                loading={busy}
                data-testid="wa-media-file"
              >
                Choose file
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed" data-testid="wa-media-chosen">
            {uploaded ? uploaded.fileName : value ? value : ACCEPT[kind].hint}
          </Text>
        </Group>
      )}
      {source === 'link' && (
        <TextInput
          size="sm"
          placeholder="https://example.com/header.jpg"
          description="One public https link for everyone; Meta fetches it when sending."
          value={value}
          onChange={(e) => setParameter(placeholder.key, e.currentTarget.value)}
          data-testid="wa-media-link"
        />
      )}
      {source === 'column' && (
        <NativeSelect
          size="sm"
          description="An imported column holding each contact's https link."
          data={[
            { value: '', label: 'Choose a column…' },
            ...attributeKeys.map((k) => ({ value: k, label: k })),
          ]}
          value={column}
          onChange={(e) =>
            setParameter(placeholder.key, e.currentTarget.value ? `{{ ${e.currentTarget.value} }}` : '')
          }
          data-testid="wa-media-column"
        />
      )}
      {(failure || error) && (
        <Text size="xs" c="red">
          {failure ? describeError(failure) : error}
        </Text>
      )}
    </Stack>
  );
}
