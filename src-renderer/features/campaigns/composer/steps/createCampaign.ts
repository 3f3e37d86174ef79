import type { AppErrorShape } from '../../../../../src-main/contract';
import { api } from '../../../../lib/api';
import { fieldErrorsOf, notifyError } from '../../../../lib/errors';
import { useCampaigns } from '../../store';
import { buildDraft } from '../draft';
import { useLint } from '../review/lintStore';
import { useCursor } from '../review/cursorStore';
import { useComposer } from '../store';

/**
 * campaigns:create, then campaigns:start (`at` null) or campaigns:schedule (`at`, ms since epoch),
 * then the campaign's view. Returns the create error (field errors go to the composer), or null.
 */
export async function createCampaign(at: number | null): Promise<AppErrorShape | null> {
  const composer = useComposer.getState();
  const { go, upsert } = useCampaigns.getState();
  const draft = buildDraft(composer);
  const created = await api.invoke('campaigns:create', draft);
  if (!created.ok) {
    composer.setErrors(fieldErrorsOf(created.error));
    // The main process checked every recipient again and found a problem the shown check predates
    // (an import or an edit since): check again so Review shows it.
    if (created.error.code === 'conflict') {
      useLint.getState().reset();
      useLint.getState().run(draft);
    }
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
