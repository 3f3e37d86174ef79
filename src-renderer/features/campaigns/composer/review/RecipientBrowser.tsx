import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Kbd,
  NumberInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { IconChevronLeft, IconChevronRight, IconSearch } from '../../../../components/icons';
import { describeError } from '../../../../lib/errors';
import { formatCount } from '../../../../lib/format';
import { useCursor } from './cursorStore';
import { RecipientView } from './RecipientView';
import type { PreviewState } from './usePreview';

/**
 * Steps through real recipients one at a time: Previous/Next (← → or J K outside text fields), a
 * number to jump to, and a search by name ("/" focuses it). Shows a lint problem's recipients when one
 * is chosen in the lint panel.
 */
export function RecipientBrowser({ preview }: { preview: PreviewState }) {
  const { index, search, filter, go, setSearch, showProblem } = useCursor();
  const searchRef = useRef<HTMLInputElement>(null);
  const [jump, setJump] = useState<string | number>('');
  const { recipient, total, loading, error } = preview;
  const last = total === null ? 0 : Math.max(0, total - 1);
  const dialogOpen = () => document.querySelector('[role="dialog"]') !== null;
  const prev = () => index > 0 && !dialogOpen() && go(index - 1);
  const next = () => total !== null && index < last && !dialogOpen() && go(index + 1);
  // The audience shrank (a filter, an exclusion) below the current position: show the last one.
  useEffect(() => {
    if (total !== null && total > 0 && index > total - 1) go(total - 1);
  }, [total, index, go]);

  useHotkeys([
    ['ArrowRight', next],
    ['ArrowLeft', prev],
    ['J', next],
    ['K', prev],
    ['/', () => searchRef.current?.focus(), { preventDefault: true }],
  ]);

  return (
    <Card data-testid="recipient-browser">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={4}>Each recipient</Title>
        <Group gap="xs">
          <TextInput
            ref={searchRef}
            size="xs"
            aria-label="Search recipients by name"
            placeholder="Search by name ( / )"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="review-search"
          />
          <ActionIcon
            variant="default"
            aria-label="Previous recipient"
            disabled={index === 0}
            onClick={prev}
            data-testid="review-prev"
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="sm" aria-live="polite" data-testid="review-position">
            {total === null
              ? '…'
              : total === 0
                ? '0 of 0'
                : `${formatCount(index + 1)} of ${formatCount(total)}`}
          </Text>
          <ActionIcon
            variant="default"
            aria-label="Next recipient"
            disabled={total === null || index >= last}
            onClick={next}
            data-testid="review-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          <NumberInput
            size="xs"
            w={110}
            aria-label="Go to recipient number"
            placeholder="Go to #"
            min={1}
            max={total ?? undefined}
            value={jump}
            onChange={setJump}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || typeof jump !== 'number') return;
              go(Math.min(last, Math.max(0, jump - 1)));
            }}
            data-testid="review-jump"
          />
        </Group>
      </Group>
      <Group gap="xs" mb="sm">
        <Text size="xs" c="dimmed">
          <Kbd>←</Kbd> <Kbd>→</Kbd> or <Kbd>K</Kbd> <Kbd>J</Kbd> step through recipients, <Kbd>/</Kbd>{' '}
          searches
        </Text>
      </Group>
      {filter && (
        <Group gap="xs" mb="sm">
          <Badge color="orange" variant="light" data-testid="review-filter">
            {filter.label}
          </Badge>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => showProblem(null)}
            data-testid="review-show-all"
          >
            Show everyone
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" title="The preview could not be made" data-testid="preview-error">
          {describeError(error)}
        </Alert>
      )}
      {total === 0 && (
        <Text size="sm" c="dimmed" data-testid="review-empty">
          {search
            ? `Nobody in the audience matches “${search}”.`
            : 'The audience is empty: nobody would get a message.'}
        </Text>
      )}
      {recipient && (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <RecipientView recipient={recipient} />
        </div>
      )}
    </Card>
  );
}
