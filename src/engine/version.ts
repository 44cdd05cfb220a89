import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

/**
 * The JSON report's schemaVersion (its schema is src/report/schema.ts). Kept here so that a run,
 * which only writes reports, does not build the report's schemas: merging reads them.
 */
export const SCHEMA_VERSION = 1;
