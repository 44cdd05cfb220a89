import type { Rule } from '../../types.js';

/** The eks rules, one per file in this folder. */
export const eksRules: Rule[] = [];
