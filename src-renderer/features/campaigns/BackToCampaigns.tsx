import { Button } from '@mantine/core';
import { IconArrowLeft } from '../../components/icons';
import { useCampaigns } from './store';

/** The arrow that leaves a campaign (composer or view) for the campaign list. */
export function BackToCampaigns({ testId }: { testId?: string }) {
  const go = useCampaigns((s) => s.go);
  return (
    <Button
      variant="subtle"
      color="gray"
      px={6}
      aria-label="Back to campaigns"
      onClick={() => go({ view: 'list' })}
      data-testid={testId}
    >
      <IconArrowLeft />
    </Button>
  );
}
