import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers/paths.js';

/**
 * Reference material kept beside the repository (../shared/reference): real public
 * `terraform show -json` plans and the rule catalog. Only the tests under tests/reference read
 * it; they run with `npm run test:reference`, never with `npm test`.
 */
export const REFERENCE = resolve(ROOT, '../shared/reference');
if (!existsSync(REFERENCE))
  throw new Error(`${REFERENCE} does not exist: npm run test:reference needs the reference material beside the repository`);

/** Real `terraform show -json` plans. */
export const REAL_PLANS = resolve(REFERENCE, 'plans');
