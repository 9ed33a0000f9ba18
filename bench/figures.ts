/**
 * The bench's figures: each a named measurement with its unit and, where the project set one, its target. The
 * run prints a human table and then one JSON line (`{"bench":"kassa","figures":[…]}`) for machines.
 */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface Target {
  /** The 95th percentile must not exceed this. */
  p95: number;
}

export interface Figure {
  name: string;
  /** What it measures, one line. */
  what: string;
  unit: 'ms' | 'calls/s' | 'MiB' | 'KiB';
  /** Timings: percentiles over n samples. */
  stats?: Stats;
  /** Single values (throughput, memory, size). */
  value?: number;
  target?: Target;
  /** A single value's target: it must not exceed this. */
  atMost?: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

export function timing(name: string, what: string, samples: readonly number[], target?: Target): Figure {
  return { name, what, unit: 'ms', stats: stats(samples), ...(target ? { target } : {}) };
}

/** Whether a figure meets its target; undefined when it has none. */
export function met(figure: Figure): boolean | undefined {
  if (figure.atMost !== undefined && figure.value !== undefined) {
    return figure.value <= figure.atMost;
  }
  if (figure.target === undefined || figure.stats === undefined) {
    return undefined;
  }
  return figure.stats.p95 <= figure.target.p95;
}

const round = (n: number): number => Math.round(n * 100) / 100;

function tableRow(figure: Figure): string {
  const name = figure.name.padEnd(26);
  if (figure.stats !== undefined) {
    const s = figure.stats;
    const target =
      figure.target === undefined
        ? ''
        : `  target p95 ≤ ${String(figure.target.p95)} ${figure.unit}: ${met(figure) === true ? 'met' : 'MISSED'}`;
    return `${name} n=${String(s.n).padStart(4)}  p50=${s.p50.toFixed(2)}  p95=${s.p95.toFixed(2)}  max=${s.max.toFixed(2)} ${figure.unit}${target}`;
  }
  const atMost =
    figure.atMost === undefined
      ? ''
      : `  target ≤ ${String(figure.atMost)} ${figure.unit}: ${met(figure) === true ? 'met' : 'MISSED'}`;
  return `${name} ${String(round(figure.value ?? 0))} ${figure.unit}${atMost}`;
}

/** The human table, then the JSON line. */
export function report(figures: readonly Figure[], write: (text: string) => void): void {
  write('\nKassa bench — figures from this machine (compare runs on the same machine)\n');
  for (const figure of figures) {
    write(`${tableRow(figure)}\n      ${figure.what}\n`);
  }
  const json = figures.map((f) => ({
    name: f.name,
    unit: f.unit,
    ...(f.stats
      ? { n: f.stats.n, p50: round(f.stats.p50), p95: round(f.stats.p95), max: round(f.stats.max) }
      : {}),
    ...(f.value === undefined ? {} : { value: round(f.value) }),
    ...(f.target ? { target: f.target, met: met(f) } : {}),
    ...(f.atMost !== undefined ? { target: { atMost: f.atMost }, met: met(f) } : {}),
  }));
  write(`${JSON.stringify({ bench: 'kassa', figures: json })}\n`);
}
