import { fargateTaskRules } from '../../../aws/facts-fargate.js';
import { literal } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { containerLabel, containerPath, containersOf, onFargate, orList, showIn } from './util.js';

const { logDrivers, awslogsRequiredOptions } = fargateTaskRules;

export const FARGATE_LOG_DRIVER: Rule = {
  id: 'FARGATE_LOG_DRIVER',
  severity: 'error',
  title: 'Log drivers Fargate supports',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    if (!onFargate(td, ctx)) return [];
    const tc = containersOf(td);
    if (!tc) return [];
    const out: RuleResult[] = [];
    tc.list.forEach((c, i) => {
      const driver = c.logConfiguration?.logDriver;
      if (!driver) return;
      if (!logDrivers.includes(driver)) {
        out.push({
          path: containerPath(i, 'logConfiguration', 'logDriver'),
          message: `${containerLabel(tc, i)} uses the log driver ${showIn(tc, driver)}; Fargate supports ${orList(logDrivers.map(literal))}`,
        });
        return;
      }
      if (driver !== 'awslogs') return;
      const options = c.logConfiguration?.options ?? {};
      const missing = awslogsRequiredOptions.filter((o) => !(typeof options[o] === 'string' && options[o] !== ''));
      if (missing.length > 0) {
        out.push({
          path: containerPath(i, 'logConfiguration', 'options'),
          message: `${containerLabel(tc, i)} uses awslogs without the option${missing.length > 1 ? 's' : ''} ${orList(missing.map(literal), 'and')}; the awslogs driver needs ${orList(awslogsRequiredOptions.map(literal), 'and')}`,
        });
      }
    });
    return out;
  },
};
