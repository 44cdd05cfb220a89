/** Number formatting shared by the renderers. Full precision is kept in data; rounding is display only. */

/** One formatter for every amount (making one per call is slow and costly in memory). */
const DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function usd(n: number | null | undefined, opts: { sign?: boolean } = {}): string {
  if (n === null || n === undefined || Number.isNaN(n)) return 'unknown';
  const abs = Math.abs(n);
  const s = `$${DOLLARS.format(abs)}`;
  if (opts.sign) {
    if (Math.round(n * 100) === 0) return '$0.00';
    return n > 0 ? `+${s}` : `−${s}`;
  }
  return n < 0 ? `−${s}` : s;
}

export function percent(delta: number | null, before: number | null): string | undefined {
  if (delta === null || before === null || before === 0) return undefined;
  const p = (delta / before) * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`;
}

export const ACTION_SYMBOL: Record<string, string> = {
  create: '+',
  update: '~',
  replace: '±',
  delete: '−',
  'no-op': ' ',
  read: '≤',
  forget: '⊘',
};
