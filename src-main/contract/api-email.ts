import { z } from 'zod';
import { Empty, Id } from './common';
import { EmailContent } from './content-email';
import type { SmtpPreset } from './settings-smtp';

/** Modern sign-in state for the SMTP account (tokens themselves never leave the main process). */
export interface OAuthStatus {
  provider: 'google' | 'microsoft' | null;
  /** A refresh token is in the keychain. */
  signedIn: boolean;
  /** The mailbox the tokens belong to, as the identity provider named it. */
  account: string | null;
  /** A sign-in is waiting for the browser. */
  pending: boolean;
  /** Why the last sign-in or refresh failed, in words; null when it did not. */
  lastError: string | null;
  /** Google "Desktop app" clients: whether the client secret is saved. */
  clientSecretSet: boolean;
}

/** A problem in a template: which field, where, and what. Positions are 1-based. */
export interface TemplateProblem {
  field: 'subject' | 'html';
  line: number;
  column: number;
  message: string;
}

/** email:* request schemas: presets, template checks, test email, OAuth sign-in. */
export const emailRequests = {
  'email:presets': Empty,
  /** Checks subject and body as the campaign would compile them. */
  'email:checkTemplate': z.object({ subject: z.string().max(998), html: z.string().max(2_000_000) }),
  /** Files in a folder, for choosing attachments. */
  'email:listFolder': z.object({ folder: z.string().trim().min(1).max(4096) }),
  /**
   * Sends the email, rendered with one contact's data (or sample data when none is given), to `to`
   * or, when empty, to the From address.
   */
  'email:sendTest': z.object({
    email: EmailContent,
    contactId: Id.optional(),
    to: z.email({ error: 'Enter the address to send the test to.' }).or(z.literal('')).default(''),
  }),
  'email:oauthStatus': Empty,
  /** Starts the sign-in; returns the URL to open (Electron already opened it in the browser). */
  'email:oauthStart': Empty,
  /** Waits for the pending sign-in to finish (or fail, or time out). */
  'email:oauthWait': Empty,
  'email:oauthCancel': Empty,
  /** Forgets the tokens (and revokes nothing: the user can remove the app's access at the provider). */
  'email:oauthSignOut': Empty,
} as const;

/** Outputs of {@link emailRequests}. */
export interface EmailOutputs {
  'email:presets': SmtpPreset[];
  'email:checkTemplate': {
    problems: TemplateProblem[];
    /** Variables the templates read, sorted. */
    variables: string[];
    subjectChars: number;
    /** Size of the HTML body in UTF-8 bytes (the template, before personalisation). */
    htmlBytes: number;
  };
  'email:listFolder': { folder: string; files: { name: string; bytes: number }[] };
  'email:sendTest': { to: string; subject: string; messageId: string; contactName: string };
  'email:oauthStatus': OAuthStatus;
  'email:oauthStart': { url: string; openedInBrowser: boolean };
  'email:oauthWait': OAuthStatus;
  'email:oauthCancel': OAuthStatus;
  'email:oauthSignOut': OAuthStatus;
}
