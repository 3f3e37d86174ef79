import type { CampaignDraft, RecipientRow } from '../contract';
import { getCampaign, insertCampaign, listCampaigns } from '../sending/campaigns-repo';
import { type RenderContact, prepareCampaign, previewForContact } from '../sending/render';
import { getTemplate } from '../templates/wa-library';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

interface ContactRaw {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  attributes: string;
}

function audiencePage(
  s: Services,
  draft: CampaignDraft,
  offset: number,
  limit: number,
): { total: number; contacts: RenderContact[] } {
  const importId = draft.audience.importId ?? null;
  const where = 'WHERE (@importId IS NULL OR import_id = @importId)';
  const total = (
    s.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM contacts ${where}`).get({ importId }) as { n: number }
  ).n;
  const rows = s.store.sqlite
    .prepare(
      `SELECT id, first_name, last_name, email, phone, attributes FROM contacts ${where} ORDER BY id LIMIT @limit OFFSET @offset`,
    )
    .all({ importId, limit, offset }) as ContactRaw[];
  return {
    total,
    contacts: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      attributes: JSON.parse(r.attributes) as Record<string, string>,
    })),
  };
}

function prepare(s: Services, draft: CampaignDraft) {
  return prepareCampaign(draft, draft.whatsapp ? getTemplate(s.store, draft.whatsapp.templateId) : null);
}

/** campaigns:* — compose, preview, send, control and report. */
export function campaignsHandlers(s: Services): HandlersFor<'campaigns'> {
  return {
    'campaigns:preview': ({ draft, offset, limit }) => {
      const prepared = prepare(s, draft);
      const page = audiencePage(s, draft, offset, limit);
      return { total: page.total, recipients: page.contacts.map((c) => previewForContact(prepared, c)) };
    },
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
    'campaigns:recipients': ({ campaignId, state, channel, afterId, limit }) => {
      getCampaign(s.store, campaignId);
      const rows = s.store.sqlite
        .prepare(
          `SELECT o.id, o.contact_id, o.channel, o.address, o.state, o.attempts, o.provider_message_id, o.error_code,
                  o.error_message, o.skip_reason, o.updated_at, c.first_name, c.last_name
           FROM outbox o LEFT JOIN contacts c ON c.id = o.contact_id
           WHERE o.campaign_id = @campaignId AND o.id > @afterId
             AND (@state IS NULL OR o.state = @state) AND (@channel IS NULL OR o.channel = @channel)
           ORDER BY o.id LIMIT @limit`,
        )
        .all({
          campaignId,
          afterId: afterId ?? 0,
          state: state ?? null,
          channel: channel ?? null,
          limit,
        }) as Record<string, unknown>[];
      const mapped: RecipientRow[] = rows.map((r) => ({
        id: r.id as number,
        contactId: r.contact_id as number,
        name: [r.first_name, r.last_name].filter(Boolean).join(' ') || String(r.address ?? ''),
        channel: r.channel as RecipientRow['channel'],
        address: String(r.address ?? ''),
        state: r.state as RecipientRow['state'],
        attempts: r.attempts as number,
        providerMessageId: r.provider_message_id as string | null,
        errorCode: r.error_code as string | null,
        errorMessage: r.error_message as string | null,
        skipReason: r.skip_reason as string | null,
        updatedAt: r.updated_at as number,
      }));
      return { rows: mapped, nextAfterId: mapped.length === limit ? mapped[mapped.length - 1]!.id : null };
    },
  };
}
