import { SAMPLE_CONTACT } from '../channels/email/test-send';
import { openWhatsAppSender } from '../channels/whatsapp/sender';
import { AppError, type WhatsAppContent } from '../contract';
import { normalisePhone } from '../contacts/normalise';
import { type ContactRow, toRenderContact } from '../contacts/rows';
import type { RenderContact } from '../sending/render';
import type { SenderOptions } from '../sending/senders';
import type { SettingsService } from '../settings/service';
import type { Store } from '../store/db';
import { contactVariables } from '../templates/contact-variables';
import { getTemplate, loadTemplateLibrary } from '../templates/wa-library';
import { prepareWhatsApp, renderWhatsApp } from '../templates/wa-render';
import { saveTestTargets } from './test-targets';

/** What `review:testWhatsApp` needs from the app. */
export interface TestWhatsAppDeps {
  store: Store;
  settings: SettingsService;
  options: SenderOptions;
}

function contactById(store: Store, id: number): RenderContact {
  const r = store.sqlite
    .prepare('SELECT id, first_name, last_name, email, phone, attributes FROM contacts WHERE id = ?')
    .get(id) as ContactRow | undefined;
  if (!r) throw new AppError('not_found', `Contact #${id} no longer exists.`);
  return toRenderContact(r);
}

/**
 * "Send a WhatsApp test to me": renders `whatsapp` with the contact's data (or SAMPLE_CONTACT) as a
 * campaign would (translation by the contact's language, Meta's parameter rules, header media) and
 * sends it to `to`, read as a phone number with the default country of Settings, through the Cloud
 * API sender a campaign uses (same payload, account pre-flight, header upload). A success remembers
 * `to` as the WhatsApp test target. Throws AppError: 'invalid_input' for a number that is not valid
 * or a message that cannot be sent to this contact, 'not_configured' without WhatsApp settings,
 * 'remote_error' with the classified Cloud API error's user message (error-table.ts) otherwise.
 */
export async function sendTestWhatsApp(
  deps: TestWhatsAppDeps,
  input: { whatsapp: WhatsAppContent; contactId?: number; to: string },
): Promise<{ to: string; messageId: string; contactName: string }> {
  const phone = normalisePhone(input.to, deps.settings.general().defaultCountry);
  if ('error' in phone)
    throw new AppError('invalid_input', `"${input.to}" is not a valid WhatsApp number: ${phone.error}`, [
      { path: 'to', message: phone.error },
    ]);
  const template = getTemplate(deps.store, input.whatsapp.templateId);
  const prepared = prepareWhatsApp(
    input.whatsapp,
    template,
    template ? loadTemplateLibrary(deps.store.sqlite, template) : null,
  );
  const who = input.contactId === undefined ? SAMPLE_CONTACT : contactById(deps.store, input.contactId);
  const rendered = renderWhatsApp(prepared, contactVariables(who));
  if (rendered.problems.length > 0)
    throw new AppError(
      'invalid_input',
      `The WhatsApp message cannot be sent to this contact: ${rendered.problems.join(' ')}`,
    );
  const config = await deps.settings.whatsappConfig();
  const timeout = deps.options.whatsappTimeoutMs ? { timeoutMs: deps.options.whatsappTimeoutMs } : {};
  const sender = openWhatsAppSender({ ...config, ...timeout }, prepared, { concurrency: 1 });
  try {
    // Outbox id 0: no campaign row, so a status webhook for the test matches nothing.
    const outcome = await sender.send(
      { id: 0, channel: 'whatsapp', address: phone.e164, attempts: 1, contact: who },
      { email: null, whatsapp: rendered },
    );
    if (!outcome.ok)
      throw new AppError('remote_error', outcome.message, { action: outcome.action, code: outcome.code });
    saveTestTargets(deps.settings, { whatsapp: phone.e164 });
    const contactName = [who.firstName, who.lastName].filter(Boolean).join(' ') || who.phone || `#${who.id}`;
    return { to: phone.e164, messageId: outcome.providerMessageId, contactName };
  } finally {
    sender.close();
  }
}
