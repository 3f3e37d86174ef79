import { Badge, type BadgeProps } from '@mantine/core';
import type { CampaignStatus, OutboxState } from '../../src-main/contract';
import { STATE_COLOR, STATUS_COLOR } from '../features/campaigns/labels';

type Props = Omit<BadgeProps, 'color' | 'children'> & { 'data-testid'?: string };

/** A campaign status as a coloured badge; the text is the raw status word (e.g. "completed"). */
export function CampaignStatusBadge({ status, ...rest }: Props & { status: CampaignStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'running' ? 'filled' : 'light'} {...rest}>
      {status}
    </Badge>
  );
}

/** An outbox row state as a coloured badge with the raw state word. */
export function StateBadge({ state, ...rest }: Props & { state: OutboxState }) {
  return (
    <Badge color={STATE_COLOR[state]} variant={state === 'read' ? 'filled' : 'light'} {...rest}>
      {state}
    </Badge>
  );
}
