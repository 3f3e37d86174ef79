import type {
  CampaignStatus,
  Channel,
  ChannelMode,
  ChannelWait,
  OutboxState,
} from '../../../src-main/contract';

/** Channel modes as offered in the composer, in the words the user sees. */
export const CHANNEL_MODE_OPTIONS: { value: ChannelMode; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'both', label: 'Both' },
  { value: 'whatsapp_then_email', label: 'WhatsApp, then email' },
  { value: 'preferred', label: 'Preferred channel' },
];

/** Label of each channel mode. */
export const CHANNEL_MODE_LABEL: Record<ChannelMode, string> = Object.fromEntries(
  CHANNEL_MODE_OPTIONS.map((o) => [o.value, o.label]),
) as Record<ChannelMode, string>;

/** What each channel mode does, shown under the selector. */
export const CHANNEL_MODE_HELP: Record<ChannelMode, string> = {
  email: 'Every contact with an email address gets the email.',
  whatsapp: 'Every contact with a mobile number gets the WhatsApp template message.',
  both: 'Contacts get the email and the WhatsApp message, on each channel they can be reached.',
  whatsapp_then_email:
    'WhatsApp first; contacts the WhatsApp message cannot reach (no number, or it fails for good) get the email instead.',
  preferred:
    'Each contact gets one message on the channel they prefer; contacts with no preference get WhatsApp when they can, else email.',
};

/** Whether a mode sends email / WhatsApp (mirrors the contract's CampaignDraft refinement). */
export const modeSendsEmail = (m: ChannelMode) => m !== 'whatsapp';
export const modeSendsWhatsApp = (m: ChannelMode) => m !== 'email';

/** Channel names. */
export const CHANNEL_LABEL: Record<Channel, string> = { email: 'Email', whatsapp: 'WhatsApp' };

/** Badge colour per campaign status. */
export const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'indigo',
  running: 'blue',
  paused: 'yellow',
  stopped: 'red',
  cancelled: 'gray',
  completed: 'teal',
};

/** Badge colour per outbox state. */
export const STATE_COLOR: Record<OutboxState, string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  delivered: 'green',
  read: 'green',
  failed: 'red',
  skipped: 'gray',
  unknown: 'orange',
};

/** Heading of a channel's wait, by kind. */
export const WAIT_TITLE: Record<ChannelWait['kind'], string> = {
  quota: 'Waiting for quota',
  network: 'Waiting for the connection',
  throttle: 'Slowed down by the provider',
};

/** Channel colours in charts and badges. */
export const CHANNEL_COLOR: Record<Channel, string> = { email: 'blue.6', whatsapp: 'teal.6' };
