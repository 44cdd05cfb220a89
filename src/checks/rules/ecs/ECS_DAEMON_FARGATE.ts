import { placementIsFargate, servicePlacement } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { deploymentController, placementLabel, schedulingStrategy } from './util.js';

/** Set by the user: written in the configuration, or (when it cannot tell) other than the provider's default. */
function setByUser(service: Resource, attr: string, providerDefault: number): boolean {
  const v = service.current.num(attr);
  if (v.state !== 'known') return false;
  return v.origin === 'config' || (v.origin === 'unclear' && v.value !== providerDefault);
}

export const ECS_DAEMON_FARGATE: Rule = {
  id: 'ECS_DAEMON_FARGATE',
  severity: 'error',
  title: 'DAEMON services run on EC2 with the ECS deployment controller',
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers'],
  check(service, ctx) {
    const strategy = schedulingStrategy(service);
    if (strategy.state !== 'known' || strategy.value !== 'DAEMON') return [];
    const out: RuleResult[] = [];
    const placement = servicePlacement(service, ctx.graph);
    const where = placementLabel(placement, service, ctx);
    if (placement.kind === 'launch-type' && placementIsFargate(placement)) {
      out.push({
        path: 'launch_type',
        message: `scheduling_strategy "DAEMON" is not supported on Fargate (${where}); use "REPLICA", or run the daemon on EC2 with launch_type = "EC2"`,
      });
    } else if (placement.kind === 'strategy') {
      const fargate = placementIsFargate(placement) ? ', and Fargate does not run DAEMON services at all' : '';
      out.push({
        path: placement.from === 'service' ? 'capacity_provider_strategy' : 'launch_type',
        message:
          placement.from === 'service'
            ? `scheduling_strategy "DAEMON" cannot be used with a capacity provider strategy (${where})${fargate}; remove capacity_provider_strategy and set launch_type = "EC2"`
            : `neither launch_type nor capacity_provider_strategy is set, so ECS applies ${where}, which a DAEMON service cannot use ` +
              `("Specifying a capacity provider strategy is not supported … DAEMON")${fargate}; set launch_type = "EC2"`,
      });
    }
    const controller = deploymentController(service);
    if (controller.state === 'known' && (controller.value === 'CODE_DEPLOY' || controller.value === 'EXTERNAL')) {
      out.push({
        path: 'deployment_controller[0].type',
        message: `deployment_controller type ${show(controller)} does not support scheduling_strategy "DAEMON"; use the ${literal('ECS')} controller, or scheduling_strategy "REPLICA"`,
      });
    }
    if (setByUser(service, 'desired_count', 0)) {
      out.push({
        severity: 'warning',
        path: 'desired_count',
        message: `desired_count ${show(service.current.num('desired_count'))} is set on a DAEMON service; ECS runs one task per container instance and ignores it, so remove it`,
      });
    }
    if (setByUser(service, 'deployment_maximum_percent', 200)) {
      out.push({
        severity: 'warning',
        path: 'deployment_maximum_percent',
        message: `deployment_maximum_percent ${show(service.current.num('deployment_maximum_percent'))} is set on a DAEMON service, which does not use it (a daemon deployment stops a task before it starts its replacement); remove it`,
      });
    }
    return out;
  },
};
