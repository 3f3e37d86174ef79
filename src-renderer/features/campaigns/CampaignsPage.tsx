import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api } from '../../lib/api';
import { useConnection } from '../../lib/connection';
import { CampaignList } from './CampaignList';
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

  if (route.view === 'compose') return <Composer />;
  if (route.view === 'campaign') return <CampaignView key={route.id} campaignId={route.id} />;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
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
