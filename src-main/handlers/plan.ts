import { countAudience } from '../contacts/repo';
import type { CampaignDraft } from '../contract';
import { SMTP_DEFAULTS } from '../settings/smtp';
import { type PlanInputs, computePlan, planLimits, templateCategory } from '../sending/plan';
import { lastWhatsAppAccount } from '../sending/plan-account';
import { qualifyAudience } from '../sending/plan-qualify';
import { loadRates, saveRates } from '../sending/plan-rates';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** The plan's inputs from settings: caps and paces as the runner derives them, the rate table, the category. */
function planInputs(s: Services, draft: CampaignDraft): PlanInputs {
  const smtp = s.settings.read('smtp', SMTP_DEFAULTS);
  const whatsapp = draft.channelMode === 'email' ? undefined : draft.whatsapp;
  return {
    limits: planLimits(lastWhatsAppAccount(s.store), smtp, s.options),
    rates: loadRates(s.store),
    category: whatsapp ? templateCategory(s.store, whatsapp.templateId) : null,
    now: Date.now(),
  };
}

/** plan:* — the audience's live count, per-channel qualification, the pre-send plan, the rate table. */
export function planHandlers(s: Services): HandlersFor<'plan'> {
  return {
    'plan:count': ({ audience }) => ({ contacts: countAudience(s.store, audience) }),
    'plan:qualify': ({ channelMode, audience }) => qualifyAudience(s.store, channelMode, audience),
    'plan:compute': ({ draft }) => computePlan(s.store, draft, planInputs(s, draft)),
    'plan:rates': () => loadRates(s.store),
    'plan:saveRates': (table) => saveRates(s.store, table),
  };
}
