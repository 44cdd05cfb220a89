import type { Rule } from '../../types.js';

/** The fargate rules, one per file in this folder. */
export const fargateRules: Rule[] = [];
