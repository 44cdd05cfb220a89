import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import type { Resource } from '../../../plan/model.js';
import { deploymentController, schedulingStrategy } from './util.js';

const FIX = 'add deployment_circuit_breaker { enable = true, rollback = true }';

/**
 * BLUE_GREEN, LINEAR and CANARY deployments: the ECS API's DeploymentCircuitBreaker "can only be
 * used for services using the rolling update (ECS) deployment type", so these are watched by
 * CloudWatch alarms (the `alarms` block, DeploymentConfiguration.alarms) instead.
 */
function alarmsAdvice(service: Resource, strategy: string): RuleResult[] {
  const alarms = service.current.list('alarms');
  if (alarms.state === 'unknown') return [];
  const enable = service.current.bool(['alarms', 0, 'enable']);
  const rollback = service.current.bool(['alarms', 0, 'rollback']);
  if (alarms.state === 'known' && alarms.value.length > 0) {
    if (enable.state !== 'known' || rollback.state !== 'known') return [];
    if (enable.value && rollback.value) return [];
    return [
      {
        path: enable.value ? 'alarms[0].rollback' : 'alarms[0].enable',
        message: enable.value
          ? `the ${strategy} deployment watches CloudWatch alarms but has rollback = false, so a deployment that sets off an alarm is left on the failed revision; set rollback = true`
          : `the ${strategy} deployment has alarms with enable = false, so no alarm stops a failing deployment; set enable = true and rollback = true`,
      },
    ];
  }
  return [
    {
      path: 'alarms',
      message:
        `the service deploys with the ${strategy} strategy and no CloudWatch alarms: ECS stops and rolls back such a deployment only on an alarm. ` +
        "Add alarms { alarm_names = [...], enable = true, rollback = true } naming alarms on the new revision's health (errors, latency, unhealthy targets)",
    },
  ];
}

export const ECS_CIRCUIT_BREAKER: Rule = {
  id: 'ECS_CIRCUIT_BREAKER',
  severity: 'warning',
  title: 'Deployments stop and roll back when they fail: a circuit breaker for rolling updates, alarms for the others',
  types: ['aws_ecs_service'],
  reads: [],
  check(service) {
    const strategy = schedulingStrategy(service);
    const controller = deploymentController(service);
    if (strategy.state !== 'known' || strategy.value !== 'REPLICA' || controller.state !== 'known' || controller.value !== 'ECS') return [];
    // Not set, the strategy reads as ECS's default, ROLLING (provider facts).
    const deploy = service.current.str(['deployment_configuration', 0, 'strategy']);
    if (deploy.state === 'unknown') return [];
    if (deploy.state === 'known' && deploy.value !== 'ROLLING')
      return alarmsAdvice(service, deploy.sensitive ? show(deploy) : deploy.value);
    const block = service.current.list('deployment_circuit_breaker');
    if (block.state === 'unknown') return [];
    if (block.state === 'absent' || block.value.length === 0) {
      return [
        {
          path: 'deployment_circuit_breaker',
          message: `the service has no deployment circuit breaker: a deployment whose tasks never become healthy keeps replacing them and does not stop or roll back on its own; ${FIX}`,
        },
      ];
    }
    const enable = service.current.bool(['deployment_circuit_breaker', 0, 'enable']);
    const rollback = service.current.bool(['deployment_circuit_breaker', 0, 'rollback']);
    if (enable.state === 'unknown' || rollback.state === 'unknown') return [];
    if (enable.state !== 'known' || !enable.value) {
      return [
        {
          path: 'deployment_circuit_breaker[0].enable',
          message: `deployment_circuit_breaker has enable = false, so a failing deployment is never stopped; ${FIX}`,
        },
      ];
    }
    if (rollback.state !== 'known' || !rollback.value) {
      return [
        {
          path: 'deployment_circuit_breaker[0].rollback',
          message: `deployment_circuit_breaker stops a failing deployment but has rollback = false, so the service is left on the failed revision; set rollback = true`,
        },
      ];
    }
    return [];
  },
};
