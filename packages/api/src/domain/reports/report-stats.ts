/** The statistics reports are made of. Percentiles are nearest-rank. */
export interface Spread {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    mean: sorted.length ? Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length) : null,
  };
}

/** Code-point order: the same on every machine and in every locale. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ten items sold most, ties by name. */
export const topTen = <T extends { name: string; quantity: number }>(items: T[]) =>
  [...items].sort((a, b) => b.quantity - a.quantity || byText(a.name, b.name)).slice(0, 10);

/** Discount codes by what they gave away, ties by code. */
export const byCents = <T extends { code: string; cents: number }>(codes: T[]) =>
  [...codes].sort((a, b) => b.cents - a.cents || byText(a.code, b.code));

export const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
