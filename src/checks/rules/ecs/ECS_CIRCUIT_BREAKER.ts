import type { Rule } from '../../types.js';
import { deploymentController, schedulingStrategy } from './util.js';

const FIX = 'add deployment_circuit_breaker { enable = true, rollback = true }';

export const ECS_CIRCUIT_BREAKER: Rule = {
  id: 'ECS_CIRCUIT_BREAKER',
  severity: 'warning',
  title: 'Rolling deployments stop and roll back when tasks keep failing',
  types: ['aws_ecs_service'],
  reads: [],
  check(service) {
    const strategy = schedulingStrategy(service);
    const controller = deploymentController(service);
    if (strategy.state !== 'known' || strategy.value !== 'REPLICA' || controller.state !== 'known' || controller.value !== 'ECS') return [];
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
