import type { AnalysisContext } from '../../../engine/context.js';
import { appAutoscaling, ECS_RESOURCE_ID } from '../../../aws/facts-autoscaling.js';
import { arnName } from '../../../plan/graph.js';
import type { Resource } from '../../../plan/model.js';
import { literal, show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { scalingKey } from './util.js';

const ECS = appAutoscaling.ecs;

export const AAS_ECS_IDS: Rule = {
  id: 'AAS_ECS_IDS',
  severity: 'error',
  title: 'ECS scalable target: namespace, dimension and resource_id',
  types: ['aws_appautoscaling_target'],
  reads: ['aws_ecs_cluster', 'aws_ecs_service'],
  check(r, ctx) {
    const { ns, id, dim } = scalingKey(r);
    const service = ctx.graph.one(r, 'service');
    const looksEcs =
      (ns.state === 'known' && ns.value === ECS.serviceNamespace) ||
      (dim.state === 'known' && dim.value.startsWith(`${ECS.serviceNamespace}:`)) ||
      (id.state === 'known' && id.value.startsWith('service/')) ||
      service !== undefined;
    if (!looksEcs) return [];
    const out: RuleResult[] = [];
    if (ns.state === 'known' && ns.value !== ECS.serviceNamespace) {
      out.push({
        path: 'service_namespace',
        message: `service_namespace ${show(ns)} does not fit an ECS service target; ECS services use ${literal(ECS.serviceNamespace)}`,
      });
    }
    if (dim.state === 'known' && dim.value !== ECS.scalableDimension) {
      out.push({
        path: 'scalable_dimension',
        message: `scalable_dimension ${show(dim)} is not valid for an ECS service; the only ECS dimension is ${literal(ECS.scalableDimension)}`,
      });
    }
    if (id.state === 'known' && !ECS_RESOURCE_ID.test(id.value)) {
      const viaArn = id.value.includes('arn:');
      out.push({
        path: 'resource_id',
        // Application Auto Scaling accepts a cluster ARN here, but the target then scales nothing.
        severity: id.value.startsWith('service/') ? 'warning' : 'error',
        message: `resource_id ${show(id)} is not of the form service/<cluster-name>/<service-name>${viaArn ? ' (it holds an ARN; use the cluster name, e.g. aws_ecs_cluster.x.name)' : ''}; ${id.value.startsWith('service/') ? 'the target is registered but never scales the service' : 'RegisterScalableTarget rejects it'}`,
      });
    } else if (id.state === 'known' && service) {
      const expected = expectedId(service, ctx);
      if (expected !== undefined && expected !== id.value) {
        out.push({
          path: 'resource_id',
          severity: 'warning',
          message: `resource_id ${show(id)} does not name ${service.address}, which this target refers to (${literal(expected)}); the target would scale another service or none`,
        });
      }
    }
    return out;
  },
};

/** `service/<cluster-name>/<service-name>` of a service, when both names are known (and not sensitive). */
function expectedId(service: Resource, ctx: AnalysisContext): string | undefined {
  const name = service.current.str('name');
  const cluster = service.current.str('cluster');
  const clusterRes = ctx.graph.one(service, 'cluster');
  const clusterName =
    cluster.state === 'known' ? { ...cluster, value: arnName(cluster.value) } : clusterRes ? clusterRes.current.str('name') : cluster;
  if (name.state !== 'known' || clusterName.state !== 'known' || name.sensitive || clusterName.sensitive) return undefined;
  return `service/${clusterName.value}/${name.value}`;
}
