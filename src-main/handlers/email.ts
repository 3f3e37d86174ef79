import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppError } from '../contract';
import { OAuthSession } from '../channels/email/oauth-session';
import type { OAuthEndpoints } from '../channels/email/oauth-providers';
import { SMTP_PRESETS } from '../channels/email/presets';
import { sendTestEmail } from '../channels/email/test-send';
import type { RenderContact } from '../sending/render';
import { checkEmailTemplate } from '../templates/email-check';
import type { HandlersFor } from '../transport/dispatch';
import { type ContactRow, toRenderContact } from '../contacts/rows';
import type { Services } from './services';

/** What the email handlers need from the process they run in. */
export interface EmailHandlerOptions {
  /**
   * Opens a URL in the system browser (Electron: `shell.openExternal`). Without it (browser mode)
   * the renderer opens the sign-in URL itself.
   */
  openExternal?: (url: string) => Promise<void>;
  /** Test override of the OAuth providers' endpoints. */
  oauthEndpoints?: OAuthEndpoints;
}

function contactById(s: Services, id: number): RenderContact {
  const r = s.store.sqlite
    .prepare('SELECT id, first_name, last_name, email, phone, attributes FROM contacts WHERE id = ?')
    .get(id) as ContactRow | undefined;
  if (!r) throw new AppError('not_found', `Contact #${id} no longer exists.`);
  return toRenderContact(r);
}

/** Regular files in `folder`, by name, for the attachment picker. Throws AppError('not_found'). */
function listFolder(folder: string): { folder: string; files: { name: string; bytes: number }[] } {
  if (!isAbsolute(folder)) throw new AppError('invalid_input', 'Give the full path of the folder.');
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new AppError('not_found', `The folder ${folder} cannot be opened.`);
  }
  const files: { name: string; bytes: number }[] = [];
  for (const name of names.sort((a, b) => a.localeCompare(b))) {
    if (name.startsWith('.')) continue;
    try {
      const st = statSync(join(folder, name));
      if (st.isFile()) files.push({ name, bytes: st.size });
    } catch {
      // vanished or unreadable: not offered
    }
  }
  return { folder, files };
}

/** email:* — presets, template checks, attachment folders, test email, and OAuth sign-in. */
export function emailHandlers(s: Services, opts: EmailHandlerOptions = {}): HandlersFor<'email'> {
  const oauth = new OAuthSession(s.settings, opts.oauthEndpoints);
  return {
    'email:presets': () => [...SMTP_PRESETS],
    'email:checkTemplate': ({ subject, html }) => checkEmailTemplate(subject, html),
    'email:listFolder': ({ folder }) => listFolder(folder),
    'email:sendTest': async ({ email, contactId, to }) => {
      const config = await s.settings.smtpConfig();
      const contact = contactId === undefined ? null : contactById(s, contactId);
      return sendTestEmail(config, email, contact, to, { allowSelfSigned: s.options.allowSelfSignedSmtp });
    },
    'email:oauthStatus': () => oauth.status(),
    'email:oauthStart': async () => {
      const { url } = await oauth.start();
      if (!opts.openExternal) return { url, openedInBrowser: false };
      await opts.openExternal(url);
      return { url, openedInBrowser: true };
    },
    'email:oauthWait': () => oauth.wait(),
    'email:oauthCancel': () => oauth.cancel(),
    'email:oauthSignOut': () => oauth.signOut(),
  };
}
