import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, CampaignProgress } from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { useConnection } from '../../../lib/connection';

/**
 * Live progress of one campaign: campaigns:progress once (and again after a reconnect, since events
 * may have been missed), then every `campaign:progress` event for this id. Older snapshots (by `at`)
 * never replace newer ones. `accept` takes snapshots returned by pause/resume/cancel/start.
 */
export function useCampaignProgress(campaignId: number) {
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const generation = useConnection((s) => s.generation);

  const accept = useCallback((p: CampaignProgress) => {
    setProgress((cur) => (!cur || p.at >= cur.at ? p : cur));
  }, []);

  useEffect(
    () =>
      api.on('campaign:progress', (p) => {
        if (p.campaignId === campaignId) accept(p);
      }),
    [campaignId, accept],
  );

  useEffect(() => {
    let live = true;
    void api.invoke('campaigns:progress', { campaignId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        accept(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [campaignId, generation, accept]);

  return { progress, error, accept };
}
