import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Channel, OutboxState, RecipientRow } from '../../../../src-main/contract';
import { api } from '../../../lib/api';

const PAGE = 100;
const MAX_PAGE = 500;

/** Filters of the recipients table; undefined = all. */
export interface RecipientFilter {
  state?: OutboxState;
  channel?: Channel;
  /** Part of a name or address. */
  search?: string;
}

/**
 * Keyset-paged rows of campaigns:recipients for one filter. `reload` refetches as many rows as are
 * shown (up to 500) so a refresh does not collapse what the user expanded. Stale answers are dropped.
 */
export function useRecipients(campaignId: number, filter: RecipientFilter) {
  const [rows, setRows] = useState<RecipientRow[]>([]);
  const [nextAfterId, setNext] = useState<number | null>(null);
  /** The filter the shown rows belong to; differs from the current one while its first page loads. */
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const seq = useRef(0);
  const shown = useRef(0);
  const { state, channel, search } = filter;
  const key = `${campaignId}|${state ?? ''}|${channel ?? ''}|${search ?? ''}`;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const limit = Math.min(MAX_PAGE, Math.max(PAGE, shown.current));
    const r = await api.invoke('campaigns:recipients', { campaignId, state, channel, search, limit });
    if (mine !== seq.current) return;
    setLoadedKey(`${campaignId}|${state ?? ''}|${channel ?? ''}|${search ?? ''}`);
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value.rows);
    setNext(r.value.nextAfterId);
    shown.current = r.value.rows.length;
  }, [campaignId, state, channel, search]);

  useEffect(() => {
    shown.current = 0;
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (nextAfterId === null) return;
    const mine = seq.current;
    setLoadingMore(true);
    const r = await api.invoke('campaigns:recipients', {
      campaignId,
      state,
      channel,
      search,
      afterId: nextAfterId,
      limit: PAGE,
    });
    setLoadingMore(false);
    if (mine !== seq.current) return;
    if (!r.ok) return setError(r.error);
    setRows((cur) => {
      const next = [...cur, ...r.value.rows];
      shown.current = next.length;
      return next;
    });
    setNext(r.value.nextAfterId);
  }, [campaignId, state, channel, search, nextAfterId]);

  return { rows, nextAfterId, loading: loadedKey !== key, loadingMore, error, reload, loadMore };
}
