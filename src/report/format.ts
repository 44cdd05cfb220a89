/** Number formatting shared by the renderers. Full precision is kept in data; rounding is display only. */

/** One formatter for every amount (making one per call is slow and costly in memory). */
const DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * `format.format(n)` of an en-US formatter with `minFrac`..`maxFrac` fraction digits, computed
 * by hand for the numbers a report shows (0 and up, below 10^15, not in exponent form): the
 * formatter rounds the shortest decimal form of the number (`String(n)`) half away from zero,
 * and groups the integer digits by three. Anything else goes to the formatter itself. Much
 * cheaper than the formatter on the hundreds of thousands of figures of a large report.
 */
export function formatDecimal(n: number, minFrac: number, maxFrac: number, format: Intl.NumberFormat): string {
  if (!(n >= 0 && n < 1e15) || Object.is(n, -0)) return format.format(n);
  const s = String(n);
  if (s.includes('e')) return format.format(n);
  const dot = s.indexOf('.');
  let whole = dot < 0 ? n : Number(s.slice(0, dot));
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > maxFrac) {
    const up = frac.charCodeAt(maxFrac) >= 53; // '5' or more: half away from zero
    frac = frac.slice(0, maxFrac);
    if (up) {
      const scale = 10 ** maxFrac;
      let f = (maxFrac > 0 ? Number(frac) : 0) + 1;
      if (f === scale) {
        f = 0;
        whole += 1;
      }
      frac = maxFrac > 0 ? String(f).padStart(maxFrac, '0') : '';
    }
  }
  let end = frac.length;
  while (end > minFrac && frac.charCodeAt(end - 1) === 48) end--;
  frac = end < frac.length ? frac.slice(0, end) : frac.padEnd(minFrac, '0');
  return frac ? `${grouped(whole)}.${frac}` : grouped(whole);
}

/** A whole number below 10^16 with its digits grouped by three: `1,234,567`. */
function grouped(whole: number): string {
  const s = String(whole);
  if (s.length <= 3) return s;
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}

export function usd(n: number | null | undefined, opts: { sign?: boolean } = {}): string {
  if (n === null || n === undefined || Number.isNaN(n)) return 'unknown';
  const abs = Math.abs(n);
  const s = `$${formatDecimal(abs, 2, 2, DOLLARS)}`;
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
