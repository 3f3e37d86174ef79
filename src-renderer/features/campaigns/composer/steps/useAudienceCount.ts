import type { Audience, RequestOutput } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { type Answer, useAnswer } from '../useAnswer';

/** The live count of an audience (plan:count). */
export type AudienceCount = Answer<RequestOutput<'plan:count'>>;

const count = (key: string) => api.invoke('plan:count', { audience: JSON.parse(key) as Audience });

/**
 * Counts the contacts an audience matches (plan:count), 250 ms after the last edit; answers to older
 * audiences are dropped.
 */
export function useAudienceCount(audience: Audience): AudienceCount {
  return useAnswer(JSON.stringify(audience), count, 250);
}
