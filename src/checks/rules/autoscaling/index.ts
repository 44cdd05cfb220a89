import type { Rule } from '../../types.js';

/** The autoscaling rules, one per file in this folder. */
export const autoscalingRules: Rule[] = [];
