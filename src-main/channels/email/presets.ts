import type { SmtpPreset, SmtpProvider } from '../../contract';

/**
 * SMTP presets for the providers office staff use most. Hosts, ports and limits come from each
 * provider's help pages (linked in `helpUrl`, checked November 2026); limits are recipients per
 * rolling 24 h for one account, and a pace under the provider's per-minute throttle.
 *
 * - Gmail: 500 recipients/day for a free account, 2,000 for Google Workspace ("Gmail sending limits
 *   in Google Workspace", support.google.com/a/answer/166852); smtp.gmail.com 465 (TLS) / 587.
 * - Microsoft 365: 10,000 recipients/day and 30 messages/minute per mailbox (Exchange Online
 *   limits, learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/
 *   exchange-online-limits); smtp.office365.com 587 STARTTLS. Basic authentication for SMTP AUTH
 *   is disabled by default for existing tenants at the end of December 2026: use modern sign-in.
 * - Outlook.com: smtp-mail.outlook.com 587 STARTTLS, 300 recipients/day; Microsoft ended password
 *   (Basic) sign-in for Outlook.com in September 2024, so only modern sign-in works.
 * - Yahoo: smtp.mail.yahoo.com 465, app password required, 500 messages/day (Yahoo help SLN17518).
 * - iCloud: smtp.mail.me.com 587 STARTTLS, app-specific password, 1,000 recipients/day (Apple
 *   "iCloud Mail server settings" and "Mail limits", support.apple.com/102525).
 * - Zoho: smtp.zoho.com 465 (smtppro.zoho.com for organisation accounts, smtp.zoho.eu in the EU);
 *   Zoho publishes no fixed daily number but blocks accounts that send unusually many messages.
 */
export const SMTP_PRESETS: readonly SmtpPreset[] = [
  {
    id: 'microsoft365',
    label: 'Microsoft 365 (work or school)',
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    dailyCap: 10_000,
    ratePerSec: 0.5,
    poolSize: 3,
    oauth: 'microsoft',
    note: 'Use "Sign in with Microsoft": Microsoft turns off password sign-in for SMTP at the end of 2026. SMTP AUTH must be enabled for the mailbox. Limit: 10,000 recipients a day, 30 messages a minute.',
    helpUrl:
      'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Hotmail',
    host: 'smtp-mail.outlook.com',
    port: 587,
    security: 'starttls',
    dailyCap: 300,
    ratePerSec: 0.5,
    poolSize: 1,
    oauth: 'microsoft',
    note: 'Outlook.com accepts only "Sign in with Microsoft" (no passwords since September 2024). Limit: about 300 recipients a day.',
    helpUrl:
      'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
  },
  {
    id: 'gmail',
    label: 'Gmail (personal)',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    dailyCap: 500,
    ratePerSec: 1,
    poolSize: 2,
    oauth: 'google',
    note: 'Use "Sign in with Google", or an app password (needs 2-Step Verification: myaccount.google.com/apppasswords). Limit: 500 recipients a day.',
    helpUrl: 'https://support.google.com/mail/answer/185833',
  },
  {
    id: 'google_workspace',
    label: 'Google Workspace',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    dailyCap: 2_000,
    ratePerSec: 1,
    poolSize: 3,
    oauth: 'google',
    note: 'Use "Sign in with Google", or an app password if your administrator allows them. Limit: 2,000 recipients a day.',
    helpUrl: 'https://support.google.com/a/answer/166852',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    host: 'smtp.mail.yahoo.com',
    port: 465,
    security: 'tls',
    dailyCap: 500,
    ratePerSec: 0.5,
    poolSize: 1,
    oauth: null,
    note: 'Yahoo needs an app password (Account security → Generate app password), not your normal password. Limit: 500 messages a day.',
    helpUrl: 'https://help.yahoo.com/kb/SLN15241.html',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    host: 'smtp.mail.me.com',
    port: 587,
    security: 'starttls',
    dailyCap: 1_000,
    ratePerSec: 0.5,
    poolSize: 1,
    oauth: null,
    note: 'Use your full iCloud address as user name and an app-specific password from account.apple.com. Limit: 1,000 recipients a day.',
    helpUrl: 'https://support.apple.com/102525',
  },
  {
    id: 'zoho',
    label: 'Zoho Mail',
    host: 'smtp.zoho.com',
    port: 465,
    security: 'tls',
    dailyCap: null,
    ratePerSec: 0.5,
    poolSize: 1,
    oauth: null,
    note: 'Organisation accounts use smtppro.zoho.com, EU accounts smtp.zoho.eu. With 2-factor sign-in on, create an application-specific password. Zoho publishes no daily number: set a cap you are comfortable with.',
    helpUrl: 'https://www.zoho.com/mail/help/zoho-smtp.html',
  },
  {
    id: 'custom',
    label: 'Other SMTP server',
    host: '',
    port: 587,
    security: 'starttls',
    dailyCap: null,
    ratePerSec: 5,
    poolSize: 3,
    oauth: null,
    note: 'Enter the server your provider or IT department gives you. Ask them for the daily sending limit.',
    helpUrl: null,
  },
];

/** The preset with this id (every `SmtpProvider` has one). */
export function presetFor(id: SmtpProvider): SmtpPreset {
  const preset = SMTP_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`No SMTP preset ${id}`);
  return preset;
}
