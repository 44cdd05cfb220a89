import { UNPRICED_MODES, type EngineOptions, type FailOn, type UnpricedMode } from './context.js';
import { PRICE_MODES, type PriceMode } from '../cost/live.js';
import { InputError } from '../plan/errors.js';

/**
 * The option values the CLI (src/cli/main.ts) and the action (src/action/main.ts, from its inputs) share,
 * as given, and their one validation.
 */
export interface RawOptions {
  region?: string;
  asOf?: string;
  tfDir?: string;
  config?: string;
  failOn?: string;
  maxIncrease?: string;
  maxIncreasePercent?: string;
  unpriced?: string;
  prices?: string;
  priceCache?: string;
}

/** Validates option values shared by the CLI and the action inputs. */
export function engineOptions(raw: RawOptions, today: string): EngineOptions {
  const asOf = raw.asOf?.trim() || today;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) ||
    new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf
  ) {
    throw new InputError(undefined, `--as-of must be a date as YYYY-MM-DD, got ${JSON.stringify(raw.asOf).slice(0, 40)}`);
  }
  const failOn = (raw.failOn?.trim() || 'error') as FailOn;
  if (!['error', 'warning', 'never'].includes(failOn)) throw new InputError(undefined, '--fail-on must be error, warning or never');
  const region = raw.region?.trim() || undefined;
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new InputError(undefined, `--region ${JSON.stringify(region).slice(0, 40)} is not an AWS region name (e.g. eu-west-1)`);
  const num = (name: string, v: string | undefined) => {
    if (v === undefined || v.trim() === '') return undefined;
    const n = Number(v.replace(/^\$/, ''));
    if (!Number.isFinite(n) || n < 0)
      throw new InputError(undefined, `--${name} must be a non-negative number, got ${JSON.stringify(v).slice(0, 40)}`);
    return n;
  };
  const unpriced = raw.unpriced?.trim() || undefined;
  if (unpriced !== undefined && !UNPRICED_MODES.includes(unpriced as UnpricedMode))
    throw new InputError(undefined, `--unpriced must be ${UNPRICED_MODES.join(', ')}`);
  const prices = raw.prices?.trim() || 'auto';
  if (!PRICE_MODES.includes(prices as PriceMode)) throw new InputError(undefined, `--prices must be ${PRICE_MODES.join(', ')}`);
  return {
    asOf,
    region,
    tfDir: raw.tfDir?.trim() || undefined,
    settingsFile: raw.config?.trim() || undefined,
    failOn,
    maxIncrease: num('max-increase', raw.maxIncrease),
    maxIncreasePercent: num('max-increase-percent', raw.maxIncreasePercent),
    prices: prices as PriceMode,
    ...(raw.priceCache?.trim() ? { priceCache: raw.priceCache.trim() } : {}),
    ...(unpriced ? { unpriced: unpriced as UnpricedMode } : {}),
  };
}
