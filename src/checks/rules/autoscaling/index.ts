import type { Rule } from '../../types.js';
import { AAS_DESIRED_IN_RANGE } from './AAS_DESIRED_IN_RANGE.js';
import { AAS_DESIRED_RESET } from './AAS_DESIRED_RESET.js';
import { AAS_ECS_IDS } from './AAS_ECS_IDS.js';
import { AAS_MIN_MAX } from './AAS_MIN_MAX.js';
import { AAS_POLICY_TARGET_MATCH } from './AAS_POLICY_TARGET_MATCH.js';
import { AAS_TT_METRIC } from './AAS_TT_METRIC.js';
import { ASG_NO_LAUNCH_SOURCE } from './ASG_NO_LAUNCH_SOURCE.js';
import { ASG_SIZES } from './ASG_SIZES.js';

/** The autoscaling rules, one per file in this folder. */
export const autoscalingRules: Rule[] = [
  AAS_MIN_MAX,
  AAS_ECS_IDS,
  AAS_POLICY_TARGET_MATCH,
  AAS_DESIRED_IN_RANGE,
  AAS_DESIRED_RESET,
  AAS_TT_METRIC,
  ASG_SIZES,
  ASG_NO_LAUNCH_SOURCE,
];
