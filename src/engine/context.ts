import type { PlanModel, Resource } from '../plan/model.js';
import type { ResourceGraph } from '../plan/graph.js';
import type { Settings } from '../load/settings.js';
import type { PriceBook } from '../cost/prices.js';
import type { ResourceCost } from '../report/schema.js';
import type { PriceMode } from '../cost/live.js';

export const UNPRICED_MODES = ['fail', 'warn', 'ignore'] as const;
export type UnpricedMode = (typeof UNPRICED_MODES)[number];

export type FailOn = 'error' | 'warning' | 'never';

/** Options shared by the CLI and the action; both build them with engineOptions (src/engine/options.ts) and call the same engine. */
export interface EngineOptions {
  /** Evaluation date, YYYY-MM-DD: date-dependent rules and prices use it, never the clock. */
  asOf: string;
  /** Region for resources whose provider region the plan does not tell (else us-east-1, with a note). */
  region?: string;
  /** Root of the .tf sources (--tf-dir; the action defaults it to the workspace). */
  tfDir?: string;
  settingsFile?: string;
  failOn: FailOn;
  maxIncrease?: number;
  maxIncreasePercent?: number;
  /** Where prices come from: `auto` (live when AWS credentials are found), `live`, `snapshot`. Default auto. */
  prices?: PriceMode;
  /** A JSON file of live prices read before, read first and written back with the new ones. */
  priceCache?: string;
  /** What an unknown cost delta does to a cost limit: fail (default), warn or ignore. Default: the configuration's cost.unpriced. */
  unpriced?: UnpricedMode;
}

/** Where a resource block is written in the .tf sources (from --tf-dir). */
export interface SourceLocation {
  file: string;
  line: number;
}

/** What the checks and the estimators get for one plan. */
export interface AnalysisContext {
  model: PlanModel;
  graph: ResourceGraph;
  options: EngineOptions;
  /** The validated configuration file ({} when there is none). */
  settings: Settings;
  /** Source location of a resource's block, when the .tf sources were given (tfDir) and the block was found. */
  locate(r: Resource): SourceLocation | undefined;
  /**
   * `lifecycle.ignore_changes` of a resource's block, read from the .tf sources (--tf-dir):
   * attribute names, `'all'`, [] when the block sets none, or undefined when the sources were not
   * given, the block was not found or its lifecycle block does not parse (the plan JSON does not
   * carry lifecycle settings). Read for the analysed resource types.
   */
  ignoreChanges(r: Resource): string[] | 'all' | undefined;
  /**
   * The run's prices (the snapshot with the configuration's price file and discount), shared by
   * the checks that quote a price and the estimators, so both give the same figure. Absent (a
   * context built outside the engine): the checks quote no figure of their own.
   */
  prices?: PriceBook;
  /**
   * The cost section's estimate of a resource, by address (the engine estimates before it checks):
   * a check that quotes what a resource costs quotes this figure. Absent when nothing was priced.
   */
  costOf?(address: string): ResourceCost | undefined;
}
