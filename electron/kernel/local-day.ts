/**
 * The shop's business day: midnight to midnight in the till's local time zone. Running totals are kept per
 * such day (docs/architecture.md §8), so reports and the journal screen agree on where a day starts.
 */

/** Midnight of the day holding `at`, in the till's local time zone. */
export function startOfLocalDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Midnight of the local day after the one starting at `dayStart` (23 or 25 hours later across a DST change). */
export function nextLocalDay(dayStart: number): number {
  const d = new Date(dayStart);
  d.setDate(d.getDate() + 1);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
