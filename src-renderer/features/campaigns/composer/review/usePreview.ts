import { useDebouncedValue } from '@mantine/hooks';
import type { AppErrorShape, RecipientPreview, RequestInput } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { useAnswer } from '../useAnswer';
import { useCursor } from './cursorStore';

/** The recipient at the cursor, rendered by the main process, and how many there are to step through. */
export interface PreviewState {
  recipient: RecipientPreview | null;
  total: number | null;
  loading: boolean;
  error: AppErrorShape | null;
}

const preview = (key: string) =>
  api.invoke('review:preview', JSON.parse(key) as RequestInput<'review:preview'>);

/**
 * Renders one recipient at a time (review:preview, limit 1): the cursor's position among all
 * recipients matching the search, or among a lint problem's contacts. Lazy by design, so the review
 * of 100,000 recipients costs one rendering per step. Answers to older requests are dropped.
 */
export function usePreview(draftKey: string | null): PreviewState {
  const { index, search, filter } = useCursor();
  const [key] = useDebouncedValue(draftKey, 300);
  const [term] = useDebouncedValue(search.trim(), 250);
  const id = filter?.contactIds[index];
  // The draft JSON is spliced in as text: parsing it again per step would cost more than the request.
  const request =
    key === null || (filter && id === undefined)
      ? null
      : filter
        ? `{"draft":${key},"contactIds":[${id}],"limit":1}`
        : `{"draft":${key},"offset":${index},"limit":1${term ? `,"search":${JSON.stringify(term)}` : ''}}`;
  const answer = useAnswer(request, preview);
  const total = filter ? filter.contactIds.length : (answer.value?.total ?? null);
  return {
    recipient: request === null ? null : (answer.value?.recipients[0] ?? null),
    total,
    loading: answer.loading,
    error: answer.error,
  };
}
