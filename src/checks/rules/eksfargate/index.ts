import type { Rule } from '../../types.js';
import { EKS_FARGATE_IMMUTABLE } from './EKS_FARGATE_IMMUTABLE.js';
import { EKS_FARGATE_LIMITS } from './EKS_FARGATE_LIMITS.js';
import { EKS_FARGATE_POD_ROLE } from './EKS_FARGATE_POD_ROLE.js';
import { EKS_FARGATE_POD_SIZE } from './EKS_FARGATE_POD_SIZE.js';
import { EKS_FARGATE_PRIVATE_SUBNETS } from './EKS_FARGATE_PRIVATE_SUBNETS.js';
import { EKS_FARGATE_SELECTORS } from './EKS_FARGATE_SELECTORS.js';

/** The EKS on Fargate rules, one per file in this folder. */
export const eksFargateRules: Rule[] = [
  EKS_FARGATE_SELECTORS,
  EKS_FARGATE_PRIVATE_SUBNETS,
  EKS_FARGATE_POD_ROLE,
  EKS_FARGATE_IMMUTABLE,
  EKS_FARGATE_LIMITS,
  EKS_FARGATE_POD_SIZE,
];
