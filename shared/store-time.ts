/**
 * Times shown to people — on printed receipts, on the cashier's screen, in reports — are the store's wall-clock
 * time, written the same way everywhere: `YYYY-MM-DD HH:mm:ss`, 24-hour, in the store's IANA time zone
 * (e.g. Asia/Ulaanbaatar), whatever the computer's own zone or the display language (docs/printing.md).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for a zone Intl does not know: a misconfigured store should fail loudly, not print UTC.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The instant (epoch milliseconds or a Date) as `YYYY-MM-DD HH:mm:ss` in `timeZone`. */
export function formatStoreTime(instant: number | Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
