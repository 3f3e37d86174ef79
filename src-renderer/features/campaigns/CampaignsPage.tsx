import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api } from '../../lib/api';
import { useConnection } from '../../lib/connection';
import { CampaignList } from './CampaignList';
import { MissedSchedules } from './MissedSchedules';
import { Composer } from './composer/Composer';
import { useCampaigns } from './store';
import { CampaignView } from './view/CampaignView';

/** The Campaigns page: list, composer or one campaign's live view. */
export function CampaignsPage() {
  const route = useCampaigns((s) => s.route);
  const load = useCampaigns((s) => s.load);
  const applyProgress = useCampaigns((s) => s.applyProgress);
  const generation = useConnection((s) => s.generation);

  useEffect(() => {
    void load();
  }, [load, generation]);
  useEffect(() => api.on('campaign:progress', applyProgress), [applyProgress]);
  const sending = useCampaigns((s) => s.list.some((c) => c.status === 'running'));
  // Browser mode: closing the tab stops watching (sending goes on in Herald), so ask first. In
  // Electron the main process asks before the window closes.
  useEffect(() => {
    if (!sending || api.mode !== 'browser') return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [sending]);

  const page =
    route.view === 'compose' ? (
      <Composer />
    ) : route.view === 'campaign' ? (
      <CampaignView key={route.id} campaignId={route.id} />
    ) : null;
  if (page)
    return (
      <>
        <MissedSchedules />
        {page}
      </>
    );
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <MissedSchedules />
      <div>
        <Title order={2}>Campaigns</Title>
        <Text c="dimmed" size="sm">
          Each campaign sends one message to an audience by email, WhatsApp or both.
        </Text>
      </div>
      <CampaignList />
    </Stack>
  );
}
