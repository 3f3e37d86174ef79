import { Alert, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { IconChevronLeft, IconChevronRight, IconEye } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { PreviewRecipientCard } from './PreviewRecipientCard';
import { buildDraft, useComposer } from './store';

const PAGE = 5;

/**
 * Renders real recipients through campaigns:preview. After the first request, edits refresh the
 * preview (debounced 600 ms), so what is shown always matches the draft.
 */
export function PreviewSection() {
  const state = useComposer();
  const { previewRequested, previewOffset, preview, previewError, previewLoading } = state;
  const draftKey = JSON.stringify(buildDraft(state, true));
  const [debouncedKey, , debounce] = useDebouncedValue(draftKey, 600);
  const seq = useRef(0);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!previewRequested) return;
    const mine = ++seq.current;
    useComposer.setState({ previewLoading: true });
    void api
      .invoke('campaigns:preview', { draft: JSON.parse(debouncedKey), offset: previewOffset, limit: PAGE })
      .then((r) => {
        if (mine !== seq.current) return;
        if (r.ok) useComposer.setState({ preview: r.value, previewError: null, previewLoading: false });
        // Field errors stay in the alert: the user may still be writing, the fields need not turn red.
        else useComposer.setState({ preview: null, previewError: r.error, previewLoading: false });
      });
  }, [previewRequested, previewOffset, debouncedKey, nonce]);

  const request = () => {
    // Preview what is on screen now, not what it was 600 ms ago.
    debounce.flush();
    useComposer.setState({ previewRequested: true, previewOffset: 0 });
    setNonce((n) => n + 1);
  };
  const page = (offset: number) => useComposer.setState({ previewOffset: offset });
  const total = preview?.total ?? 0;
  const shown = preview?.recipients.length ?? 0;

  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={4}>Preview</Title>
        <Group gap="xs">
          {preview && total > 0 && (
            <>
              <Text size="sm" c="dimmed" data-testid="preview-range">
                {formatCount(previewOffset + 1)}–{formatCount(previewOffset + shown)} of {formatCount(total)}
              </Text>
              <Button
                variant="default"
                size="xs"
                aria-label="Previous recipients"
                disabled={previewOffset === 0 || previewLoading}
                onClick={() => page(Math.max(0, previewOffset - PAGE))}
                data-testid="preview-prev"
              >
                <IconChevronLeft size={16} />
              </Button>
              <Button
                variant="default"
                size="xs"
                aria-label="Next recipients"
                disabled={previewOffset + PAGE >= total || previewLoading}
                onClick={() => page(previewOffset + PAGE)}
                data-testid="preview-next"
              >
                <IconChevronRight size={16} />
              </Button>
            </>
          )}
          <Button
            leftSection={previewLoading ? <Loader size={14} color="white" /> : <IconEye size={16} />}
            onClick={request}
            variant={previewRequested ? 'light' : 'filled'}
            data-testid="preview-button"
          >
            {previewRequested ? 'Refresh preview' : 'Preview'}
          </Button>
        </Group>
      </Group>
      {!previewRequested && (
        <Text size="sm" c="dimmed">
          See the messages exactly as your first recipients will get them, with their own names and fields
          filled in.
        </Text>
      )}
      {previewError && (
        <Alert
          color={previewError.code === 'invalid_input' ? 'yellow' : 'red'}
          title={
            previewError.code === 'invalid_input'
              ? 'Finish the draft to see it'
              : 'The preview could not be made'
          }
          data-testid="preview-error"
        >
          {describeError(previewError)}
        </Alert>
      )}
      {previewRequested && !preview && !previewError && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {preview && total === 0 && (
        <Text size="sm" c="dimmed">
          This audience has no contacts yet.
        </Text>
      )}
      {preview && (
        <Stack gap="md" style={{ opacity: previewLoading ? 0.6 : 1, transition: 'opacity 120ms' }}>
          {preview.recipients.map((r) => (
            <PreviewRecipientCard key={r.contactId} recipient={r} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
