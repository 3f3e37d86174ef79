import { AppError, type CampaignDraft } from '../contract';
import { getCampaign, insertCampaign, listCampaigns, updateDraft } from '../sending/campaigns-repo';
import { recipientsCsv } from '../sending/csv';
import {
  emailInstead,
  iterateRecipients,
  queryRecipients,
  resolveUnknown,
  retryFailed,
} from '../sending/report';
import { prepareDraft } from '../sending/prepare';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

function prepare(s: Services, draft: CampaignDraft) {
  return prepareDraft(s.store, draft);
}

/** campaigns:* — create, send, control and report (previews are review:*). */
export function campaignsHandlers(s: Services): HandlersFor<'campaigns'> {
  return {
    'campaigns:create': (draft) => {
      prepare(s, draft); // refuse what cannot be sent before saving it
      const id = insertCampaign(s.store, draft);
      const summary = listCampaigns(s.store).find((c) => c.id === id);
      if (!summary) throw new Error(`campaign ${id} vanished after insert`);
      return summary;
    },
    'campaigns:start': ({ campaignId }) => s.runner.start(campaignId),
    'campaigns:pause': ({ campaignId }) => s.runner.pause(campaignId),
    'campaigns:resume': ({ campaignId }) => s.runner.resume(campaignId),
    'campaigns:cancel': ({ campaignId }) => s.runner.cancel(campaignId),
    'campaigns:list': () => listCampaigns(s.store),
    'campaigns:progress': ({ campaignId }) => s.runner.progress(campaignId),
    'campaigns:recipients': ({ afterId, limit, ...filter }) => {
      getCampaign(s.store, filter.campaignId);
      return queryRecipients(s.store, filter, afterId ?? 0, limit);
    },
    'campaigns:schedule': ({ campaignId, at }) => s.runner.schedule(campaignId, at),
    'campaigns:unschedule': ({ campaignId }) => s.runner.unschedule(campaignId),
    'campaigns:missedSchedules': () => s.runner.missedSchedules(),
    'campaigns:dryRun': ({ campaignId }) => s.runner.dryRun(campaignId),
    'campaigns:retryFailed': ({ campaignId, rowIds }) => {
      getCampaign(s.store, campaignId);
      const r = retryFailed(s.store, campaignId, rowIds);
      return { ...r, progress: s.runner.afterReportAction(campaignId) };
    },
    'campaigns:resolveUnknown': ({ campaignId, action, rowIds }) => {
      getCampaign(s.store, campaignId);
      const r = resolveUnknown(s.store, campaignId, action, rowIds);
      return { ...r, progress: s.runner.afterReportAction(campaignId) };
    },
    'campaigns:emailInstead': ({ campaignId, rowIds, email }) => {
      const c = getCampaign(s.store, campaignId);
      if (!c.draft.email && !email)
        throw new AppError(
          'invalid_input',
          'This campaign has no email yet: write its subject and body first.',
        );
      if (!c.draft.email && email) {
        const draft = { ...c.draft, email };
        prepare(s, draft); // refuse a body that does not compile before saving it
        updateDraft(s.store, campaignId, draft);
      }
      const r = emailInstead(s.store, campaignId, rowIds);
      return { ...r, progress: s.runner.afterReportAction(campaignId) };
    },
    'campaigns:exportCsv': (filter) => {
      const c = getCampaign(s.store, filter.campaignId);
      const { csv, rows } = recipientsCsv(iterateRecipients(s.store, filter));
      const safe =
        c.name
          .replace(/[^\p{L}\p{N} _-]+/gu, '')
          .trim()
          .replace(/\s+/g, '-') || `campaign-${c.id}`;
      return { fileName: `${safe}-recipients.csv`, csv, rows };
    },
  };
}
