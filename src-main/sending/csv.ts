import type { RecipientRow } from '../contract';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` so a spreadsheet shows it as text
 * instead of running it as a formula (OWASP, "CSV Injection").
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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
