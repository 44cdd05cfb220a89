/**
 * What the checks and the cost estimators both say about prices, kept below both so that neither
 * imports the other: the hours in a month, the names of the EKS control plane's cost components
 * (a check quotes the cost section's figure by name) and the control plane's hourly prices read
 * from the run's prices.
 */

/** A month is 730 hours (the AWS calculator's convention). Full precision is kept; display rounds. */
export const HOURS_PER_MONTH = 730;

/** The names of the EKS control plane's cost components. */
export const CONTROL_PLANE = 'EKS control plane';
export const EXTENDED_SUPPORT = 'EKS extended support';

/** Prices by region and key: the run's price book (snapshot, price file, live prices) answers it. */
export interface PriceLookup {
  get(region: string, key: string): { usd: number } | undefined;
}

/**
 * The hourly control-plane price in standard and in extended support in a region, from the run's
 * prices. Undefined where they have none (never one price assumed for every region).
 */
export function eksControlPlaneHourly(region: string, prices: PriceLookup): { standard: number; extended: number } | undefined {
  const std = prices.get(region, 'eks/cluster-hour');
  const ext = prices.get(region, 'eks/extended-support-hour');
  return std && ext ? { standard: std.usd, extended: std.usd + ext.usd } : undefined;
}

/** Whole days from one ISO date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
