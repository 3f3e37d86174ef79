const numberFormat = new Intl.NumberFormat();
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formats a count with the user's digit grouping (12,345). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Formats ms since epoch as a local date and time, or an em dash for null. */
export function formatDateTime(ms: number | null | undefined): string {
  return ms == null ? '—' : dateTimeFormat.format(ms);
}

/** Formats a duration in ms as "45 s", "3 min 20 s", "2 h 5 min" (rounded to what matters). */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 10) return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 24) return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours % 24} h`;
}

/** Formats a rate in messages per second with one decimal below 10/s. */
export function formatRate(perSecond: number): string {
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)} msg/s`;
}

/** Formats a share as a whole percentage; 0 when `total` is 0. */
export function percent(part: number, total: number): number {
  return total > 0 ? (part / total) * 100 : 0;
}
