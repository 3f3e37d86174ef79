import type { AppErrorShape } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { fieldErrorsOf, notifyError } from '../../../../lib/errors';
import { useCampaigns } from '../../store';
import { buildDraft } from '../draft';
import { useLint } from '../review/lintStore';
import { useCursor } from '../review/cursorStore';
import { useComposer } from '../store';

/**
 * Checks every recipient once more, then campaigns:create, then campaigns:start (`at` null) or
 * campaigns:schedule (`at`, ms since epoch), then the campaign's view. Returns what stopped it (a
 * blocking problem, the create error; field errors go to the composer), or null.
 */
export async function createCampaign(at: number | null): Promise<AppErrorShape | null> {
  const composer = useComposer.getState();
  const { go, upsert } = useCampaigns.getState();
  const draft = buildDraft(composer);
  // The check on screen may predate an import or an edit made since: check every recipient again
  // (in the main process) at the moment of sending, and keep that report for Review.
  const lintId = `send-${Date.now()}`;
  const checked = await api.invoke('review:lint', { draft, lintId });
  if (!checked.ok) return checked.error;
  useLint.getState().adopt(draft, lintId, checked.value);
  const blocking = checked.value.blockingRecipients;
  if (checked.value.cancelled || blocking > 0)
    return {
      code: 'conflict',
      message: checked.value.cancelled
        ? 'The check of every recipient was interrupted: send again.'
        : `${blocking} ${blocking === 1 ? 'recipient has' : 'recipients have'} a blocking problem found just now (contacts changed since the last check): see Review.`,
    };
  const created = await api.invoke('campaigns:create', draft);
  if (!created.ok) {
    composer.setErrors(fieldErrorsOf(created.error));
    return created.error;
  }
  upsert(created.value);
  const campaignId = created.value.id;
  const r =
    at === null
      ? await api.invoke('campaigns:start', { campaignId })
      : await api.invoke('campaigns:schedule', { campaignId, at });
  if (!r.ok)
    notifyError(
      at === null ? 'The campaign was saved but did not start' : 'The campaign was saved but not scheduled',
      r.error,
    );
  composer.reset();
  useLint.getState().reset();
  useCursor.getState().reset();
  go({ view: 'campaign', id: campaignId });
  return null;
}
