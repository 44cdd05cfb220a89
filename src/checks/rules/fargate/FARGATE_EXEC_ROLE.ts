import type { Rule } from '../../types.js';
import { containerLabel, containersOf, isSet, onFargate, showIn } from './util.js';

/** Private Amazon ECR registries: `<account>.dkr.ecr.<region>.amazonaws.com` (and `dkr.ecr-fips`). */
const PRIVATE_ECR = /^[^/]+\.dkr\.ecr(-fips)?\./i;

export const FARGATE_EXEC_ROLE: Rule = {
  id: 'FARGATE_EXEC_ROLE',
  severity: 'error',
  title: 'Fargate needs an execution role for ECR images, awslogs and secrets',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const role = td.current.str('execution_role_arn');
    if (role.state === 'unknown' || (role.state === 'known' && role.value !== '') || !onFargate(td, ctx)) return [];
    const tc = containersOf(td);
    if (!tc) return [];
    const needs: string[] = [];
    tc.list.forEach((c, i) => {
      const who = containerLabel(tc, i);
      if (c.image && PRIVATE_ECR.test(c.image)) needs.push(`to pull the private ECR image ${showIn(tc, c.image)} of ${who}`);
      if (c.logConfiguration?.logDriver === 'awslogs') needs.push(`to send the logs of ${who} with the awslogs driver`);
      if (isSet(c.secrets)) needs.push(`to read the secrets of ${who}`);
      if (isSet(c.repositoryCredentials)) needs.push(`to read the repositoryCredentials of ${who}`);
    });
    if (needs.length === 0) return [];
    return [
      { path: 'execution_role_arn', message: `execution_role_arn is not set, but Fargate needs a task execution role ${needs.join('; ')}` },
    ];
  },
};
