import type { RecipientRow } from '../contract';
import { csvCell } from '../contract/csv';

export { csvCell };

const HEADER = [
  'name',
  'channel',
  'address',
  'state',
  'attempts',
  'error_code',
  'error',
  'skip_reason',
  'provider_message_id',
  'updated_at',
];

/** The per-recipient report as CSV text (CRLF line ends, header first); times as ISO 8601 UTC. */
export function recipientsCsv(rows: Iterable<RecipientRow>): { csv: string; rows: number } {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.name,
        r.channel,
        r.address,
        r.state,
        r.attempts,
        r.errorCode,
        r.errorMessage,
        r.skipReason,
        r.providerMessageId,
        new Date(r.updatedAt).toISOString(),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
