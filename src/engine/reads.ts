/**
 * What the checks and the estimators read, from their declarations (`Rule.reads`,
 * `Estimator.reads`): the loader and the model keep the types and attributes derived here, and
 * nothing else. A new check or estimator declares what it reads; no table elsewhere is edited.
 */
import { RULES } from '../checks/registry.js';
import { ESTIMATORS } from '../cost/index.js';
import { TypeTables, type Reader } from '../plan/model.js';

/** Every check and estimator, with its declaration. */
export function readers(): Reader[] {
  return [
    ...RULES.map((r) => ({ name: `rule ${r.id}`, types: r.types, reads: r.reads })),
    ...Object.entries(ESTIMATORS).map(([type, e]) => ({ name: `estimator of ${type}`, types: [type], reads: e.reads, priced: true })),
  ];
}

/** The tool's type tables (see `TypeTables`). */
export const TYPE_TABLES = new TypeTables(readers());

/** The AWS container resource types this tool analyses (listed in the report). */
export const ANALYSED_TYPES: readonly string[] = TYPE_TABLES.analysed;
