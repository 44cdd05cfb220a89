import { providerKind, servicePlacement } from '../../../plan/ecs.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { networkModeOf, placementLabel, showNetworkMode, taskDefinitionOf } from './util.js';

/** The network modes ECS Managed Instances runs (ECS API ManagedInstancesNetworkConfiguration; guide managed-instance-networking). */
const MANAGED_INSTANCES_MODES = ['awsvpc', 'host', 'none'];

export const ECS_MANAGED_INSTANCES_TD: Rule = {
  id: 'ECS_MANAGED_INSTANCES_TD',
  severity: 'error',
  title: 'A service on ECS Managed Instances runs a MANAGED_INSTANCES-compatible task definition with a supported network mode',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_capacity_provider', 'aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_task_definition'],
  check(service, ctx) {
    const placement = servicePlacement(service, ctx.graph);
    if (placement.kind !== 'strategy') return [];
    // Only providers this plan shows to be Managed Instances providers count.
    if (!placement.strategy.some((s) => providerKind(service, s.capacityProvider, ctx.graph, false) === 'managed-instances')) return [];
    const td = taskDefinitionOf(service, ctx);
    if (!td) return [];
    const where = placementLabel(placement, service, ctx);
    const out: RuleResult[] = [];
    const rc = td.current.list('requires_compatibilities');
    // Without requires_compatibilities ECS computes the compatibilities itself: only an explicit list without MANAGED_INSTANCES is certain to fail.
    if (rc.state === 'known' && rc.value.length > 0 && !rc.value.includes('MANAGED_INSTANCES')) {
      out.push({
        path: 'task_definition',
        message:
          `the service runs on ECS Managed Instances (${where}), but task definition ${td.address} has requires_compatibilities ${show(rc)}; ` +
          `ECS places only task definitions compatible with MANAGED_INSTANCES there. Add ${literal('MANAGED_INSTANCES')} to requires_compatibilities`,
      });
    }
    const mode = networkModeOf(td);
    if (mode && !mode.sensitive && (mode.defaulted || !MANAGED_INSTANCES_MODES.includes(mode.value))) {
      out.push({
        path: 'task_definition',
        message:
          `the service runs on ECS Managed Instances (${where}), but task definition ${td.address} has ${showNetworkMode(mode)}; ` +
          'Managed Instances runs only task definitions that set network_mode to "awsvpc" or "host" (or "none"), and not one that leaves it unset. ' +
          'Set network_mode = "awsvpc" on the task definition',
      });
    }
    return out;
  },
};
