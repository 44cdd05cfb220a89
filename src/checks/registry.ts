import { autoscalingRules } from './rules/autoscaling/index.js';
import { ecsRules } from './rules/ecs/index.js';
import { eksRules } from './rules/eks/index.js';
import { eksFargateRules } from './rules/eksfargate/index.js';
import { fargateRules } from './rules/fargate/index.js';
import type { Rule } from './types.js';

/** Every rule, in catalog order. */
export const RULES: readonly Rule[] = [...fargateRules, ...ecsRules, ...eksRules, ...eksFargateRules, ...autoscalingRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
