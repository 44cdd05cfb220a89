import type { Rule } from '../../types.js';

/** The ecs rules, one per file in this folder. */
export const ecsRules: Rule[] = [];
