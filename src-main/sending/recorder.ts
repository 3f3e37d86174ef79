import type Database from 'better-sqlite3';
import type { Channel, OutboxState } from '../contract';
import type { LiveStats } from './live';
import { type PlannedRow, planFallbackEmail } from './outbox';
import type { RowDecision } from './policy';
import type { QuotaManager } from './quota';
import type { ClaimedRow } from './types';

/** One finished send: the row, its quota reservation and the decision about its next state. */
export interface FinishedSend {
  row: ClaimedRow;
  /** The quota reservation made when the row was marked `sending` (null in a dry run). */
  reservation: { fresh: boolean; prevAt: number | null } | null;
  decision: RowDecision;
  at: number;
}

const UNKNOWN_NOTE = 'It may have been delivered: resend or mark as sent from the report.';

/**
 * Records finished sends in ONE transaction per batch (DESIGN.md: no async work inside a
 * transaction): the row's new state, the email fallback of WhatsApp-first campaigns (checked against
 * consent and the suppression list like any row), 131050 suppressions, and quota given back for
 * sends that surely did not go out. Then moves the live counts, which thereby match the table.
 */
export class Recorder {
  private readonly sent: Database.Statement;
  private readonly unknown: Database.Statement;
  private readonly requeue: Database.Statement;
  private readonly failed: Database.Statement;
  private readonly fallback: Database.Statement;
  private readonly contactForFallback: Database.Statement;
  private readonly suppress: Database.Statement;
  private readonly tx: (batch: FinishedSend[]) => PlannedChange[];

  constructor(
    private readonly db: Database.Database,
    private readonly campaignId: number,
    private readonly quota: QuotaManager | null,
    private readonly stats: LiveStats,
  ) {
    this.sent = db.prepare(
      `UPDATE outbox SET state = 'sent', provider_message_id = ?, error_code = NULL, error_message = NULL,
       error_action = NULL, updated_at = ? WHERE id = ?`,
    );
    this.unknown = db.prepare(
      `UPDATE outbox SET state = 'unknown', error_code = ?, error_message = ?, error_action = ?, updated_at = ? WHERE id = ?`,
    );
    this.requeue = db.prepare(
      `UPDATE outbox SET state = 'queued', next_attempt_at = ?, attempts = attempts - ?, error_code = ?,
       error_message = ?, error_action = ?, updated_at = ? WHERE id = ?`,
    );
    this.failed = db.prepare(
      `UPDATE outbox SET state = 'failed', error_code = ?, error_message = ?, error_action = ?, updated_at = ? WHERE id = ?`,
    );
    this.fallback = db.prepare(
      `INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, skip_reason, updated_at)
       VALUES (?, ?, 'email', ?, ?, ?, ?)`,
    );
    this.contactForFallback = db.prepare(
      `SELECT c.email, c.email_consent AS consent,
              (SELECT reason FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) AS suppressed
       FROM contacts c WHERE c.id = ?`,
    );
    this.suppress = db.prepare(
      `INSERT OR IGNORE INTO suppressions (channel, address, reason, source, created_at) VALUES (?, ?, ?, 'campaign', ?)`,
    );
    this.tx = db.transaction((batch: FinishedSend[]) => batch.flatMap((f) => this.apply(f)));
  }

  /** Commits a batch; returns nothing until the transaction is done, then updates the live counts. */
  record(batch: FinishedSend[]): void {
    if (batch.length === 0) return;
    const changes = this.tx(batch);
    for (const c of changes) {
      if (c.from) this.stats.move(c.channel, c.from, c.to);
      else this.stats.add(c.channel, c.to);
    }
  }

  private apply({ row, reservation, decision: d, at }: FinishedSend): PlannedChange[] {
    const move = (to: OutboxState): PlannedChange => ({ channel: row.channel, from: 'sending', to });
    const giveBack = () => {
      if (this.quota && reservation?.fresh) this.quota.release(row.channel, row.address, reservation.prevAt);
    };
    switch (d.kind) {
      case 'sent':
        this.sent.run(d.providerMessageId, at, row.id);
        return [move('sent')];
      case 'unknown':
        this.unknown.run(
          d.failure.code,
          `${d.failure.message} ${UNKNOWN_NOTE}`,
          d.failure.action,
          at,
          row.id,
        );
        return [move('unknown')];
      case 'requeue':
        giveBack();
        this.requeue.run(
          d.at,
          d.refund ? 1 : 0,
          d.failure.code,
          d.failure.message,
          d.failure.action,
          at,
          row.id,
        );
        return [move('queued')];
      case 'failed': {
        giveBack();
        this.failed.run(d.failure.code, d.failure.message, d.failure.action, at, row.id);
        const out = [move('failed')];
        if (d.suppress)
          this.suppress.run(row.channel, row.address, `${d.failure.message} (${d.failure.code})`, at);
        if (d.fallback) {
          const planned = this.planFallback(row.contact.id);
          if (planned) {
            const r = this.fallback.run(
              this.campaignId,
              row.contact.id,
              planned.address,
              planned.state,
              planned.skipReason,
              at,
            );
            if (r.changes > 0) out.push({ channel: 'email', from: null, to: planned.state });
          }
        }
        return out;
      }
    }
  }

  private planFallback(contactId: number): PlannedRow | null {
    const c = this.contactForFallback.get(contactId) as
      { email: string | null; consent: string | null; suppressed: string | null } | undefined;
    if (!c) return null;
    return planFallbackEmail(c.email, c.consent, c.suppressed);
  }
}

/** A committed state change, applied to the live counts after the transaction. */
interface PlannedChange {
  channel: Channel;
  from: OutboxState | null;
  to: OutboxState;
}
