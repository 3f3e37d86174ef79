import type { CampaignDraft, WhatsAppTemplate } from '../contract';
import type { Store } from '../store/db';
import { getTemplate, loadTemplateLibrary } from '../templates/wa-library';
import { type PreparedCampaign, prepareCampaign } from './render';

/** The draft's WhatsApp template from the local library, or null when it sends no WhatsApp. */
export function draftTemplate(store: Store, draft: CampaignDraft): WhatsAppTemplate | null {
  return draft.whatsapp ? getTemplate(store, draft.whatsapp.templateId) : null;
}

/**
 * Compiles a draft on the main thread with its template and the template's library (translations,
 * contact languages, media). Throws AppError saying what to fix.
 */
export function prepareDraft(store: Store, draft: CampaignDraft): PreparedCampaign {
  const t = draftTemplate(store, draft);
  return prepareCampaign(draft, t, t ? loadTemplateLibrary(store.sqlite, t) : null);
}
