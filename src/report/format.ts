/** Number formatting shared by the renderers. Full precision is kept in data; rounding is display only. */

/** The report formats (`--format`). */
export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The Intl formats `decimal` falls back to, made when first needed (one per format). */
const INTL = new Map<string, Intl.NumberFormat>();

/**
 * `n` with `min` to `max` decimals and thousands separators, exactly as
 * `new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })` writes
 * it: the shortest decimal form of `n` (`String(n)`), rounded half up. Written out because a
 * process's first Intl number format costs tens of milliseconds, much of a small plan's run.
 * Numbers below 1e-6 (other than 0), from 1e21, negative or not finite go to Intl itself.
 */
export function decimal(n: number, min: number, max: number): string {
  if (!((n >= 1e-6 && n < 1e21) || Object.is(n, 0))) {
    const key = `${min},${max}`;
    let f = INTL.get(key);
    if (!f) INTL.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
    return f.format(n);
  }
  const s = String(n); // plain digits in this range, never an exponent
  const dot = s.indexOf('.');
  let int = dot === -1 ? s : s.slice(0, dot);
  let frac = dot === -1 ? '' : s.slice(dot + 1);
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // the first dropped digit is 5 or more
    frac = frac.slice(0, max);
    if (up) {
      const digits = plusOneInLastPlace(int + frac);
      int = digits.slice(0, digits.length - max);
      frac = digits.slice(digits.length - max);
    }
  }
  let end = frac.length;
  while (end > min && frac.charCodeAt(end - 1) === 48) end--; // trailing zeros beyond `min`
  if (end < frac.length) frac = frac.slice(0, end);
  if (frac.length < min) frac = frac.padEnd(min, '0');
  const grouped = thousands(int);
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A string of digits plus one in its last place: `199` → `200`, `99` → `100`. */
function plusOneInLastPlace(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--; // the 9s at the end become 0s
  const zeros = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? `1${zeros}` : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${zeros}`;
}

/** Digits with a comma between each group of three from the right: `1234567` → `1,234,567`. */
function thousands(int: string): string {
  if (int.length <= 3) return int;
  const head = int.length % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

/** A count as `toLocaleString('en-US')` writes it (`1,460`). */
export const count = (n: number): string => decimal(n, 0, 3);

export function usd(n: number | null | undefined, opts: { sign?: boolean } = {}): string {
  if (n === null || n === undefined || Number.isNaN(n)) return 'unknown';
  const abs = Math.abs(n);
  const s = `$${decimal(abs, 2, 2)}`;
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
