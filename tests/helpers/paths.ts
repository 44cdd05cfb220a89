import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
/** Real `terraform show -json` plans kept beside the repository (../shared/reference/plans). */
export const REAL_PLANS = resolve(ROOT, '../shared/reference/plans');
export const FIXTURES = resolve(ROOT, 'fixtures');
