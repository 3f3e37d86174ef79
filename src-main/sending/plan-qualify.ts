import type { Channel, ChannelMode, ChannelQualification, SkipCode } from '../contract';
import type { Store } from '../store/db';
import type { AudienceInput } from './audience';
import { planFallbackEmail } from './outbox';
import { type PlannedContact, planAudience } from './plan-source';

/** The UI label of a skip reason on a channel ("No email address", "No phone number", …). */
export function skipLabel(code: SkipCode, channel: Channel): string {
  const email = channel === 'email';
  switch (code) {
    case 'no_address':
      return email ? 'No email address' : 'No phone number';
    case 'invalid_address':
      return email ? 'Invalid email address' : 'Invalid phone number';
    case 'suppressed':
      return 'On the suppression list';
    case 'no_consent':
      return email ? 'No consent (declined email)' : 'No consent (declined WhatsApp)';
    case 'duplicate':
      return email ? 'Duplicate email address' : 'Duplicate phone number';
    case 'other_channel_preferred':
      return email ? 'Prefers WhatsApp' : 'Prefers email';
    case 'fallback_only':
      return 'Only if WhatsApp fails (email fallback)';
  }
}

/** The channels a mode sends on, in the order the plan shows them. */
export function channelsOf(mode: ChannelMode): Channel[] {
  if (mode === 'email') return ['email'];
  if (mode === 'whatsapp') return ['whatsapp'];
  return ['whatsapp', 'email'];
}

/** Per-channel counts of one pass over the audience, and (when asked) the queued addresses in order. */
export class QualificationTally {
  audience = 0;
  /** `whatsapp_then_email`: contacts with a queued WhatsApp message whose email would qualify. */
  fallbackEmails = 0;
  readonly queued: Record<Channel, number> = { email: 0, whatsapp: 0 };
  readonly skipped: Record<Channel, Map<SkipCode, number>> = { email: new Map(), whatsapp: new Map() };
  /** Queued addresses per channel in outbox order (only with `keepAddresses`). */
  readonly addresses: Record<Channel, string[]> = { email: [], whatsapp: [] };

  constructor(
    private readonly mode: ChannelMode,
    private readonly keepAddresses = false,
  ) {}

  private skip(channel: Channel, code: SkipCode): void {
    const m = this.skipped[channel];
    m.set(code, (m.get(code) ?? 0) + 1);
  }

  /** Counts one contact's planned rows. */
  add({ contact, rows }: PlannedContact): void {
    this.audience++;
    for (const r of rows) {
      if (r.state === 'queued') {
        this.queued[r.channel]++;
        if (this.keepAddresses) this.addresses[r.channel].push(r.address!);
      } else this.skip(r.channel, r.skipCode ?? 'no_address');
    }
    // WhatsApp first: the email row only exists when WhatsApp was skipped; otherwise it waits as a fallback.
    if (this.mode === 'whatsapp_then_email' && rows.length === 1) {
      this.skip('email', 'fallback_only');
      const fallback = planFallbackEmail(contact.email, contact.email_consent, contact.email_suppressed);
      if (fallback.state === 'queued') this.fallbackEmails++;
    }
  }

  /** The counts as the contract's ChannelQualification, reasons largest first. */
  channels(): ChannelQualification[] {
    return channelsOf(this.mode).map((channel) => ({
      channel,
      qualified: this.queued[channel],
      notQualified: [...this.skipped[channel]]
        .map(([code, count]) => ({ code, label: skipLabel(code, channel), count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    }));
  }
}

/**
 * Runs the planning rule over the audience read-only (planAudience, the outbox's own source) and
 * tallies it. `keepAddresses` also keeps the queued addresses (quota and cost need them).
 */
export function tallyAudience(
  store: Store,
  mode: ChannelMode,
  audience: AudienceInput,
  keepAddresses = false,
): QualificationTally {
  const tally = new QualificationTally(mode, keepAddresses);
  for (const page of planAudience(store, mode, audience)) for (const c of page) tally.add(c);
  return tally;
}

/** plan:qualify — how many audience contacts each channel reaches and why the others do not. */
export function qualifyAudience(
  store: Store,
  mode: ChannelMode,
  audience: AudienceInput,
): { audience: number; channels: ChannelQualification[] } {
  const tally = tallyAudience(store, mode, audience);
  return { audience: tally.audience, channels: tally.channels() };
}
