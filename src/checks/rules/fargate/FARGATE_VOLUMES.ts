import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { onFargate } from './util.js';

export const FARGATE_VOLUMES: Rule = {
  id: 'FARGATE_VOLUMES',
  severity: 'error',
  title: 'Fargate volumes cannot use host paths or Docker volumes',
  types: ['aws_ecs_task_definition'],
  reads: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_set'],
  check(td, ctx) {
    const vols = td.current.list('volume');
    if (vols.state !== 'known' || vols.value.length === 0 || !onFargate(td, ctx)) return [];
    const out: RuleResult[] = [];
    vols.value.forEach((_, i) => {
      const name = td.current.str(['volume', i, 'name']);
      const label = `volume ${show(name)}`;
      const host = td.current.str(['volume', i, 'host_path']);
      if (host.state === 'known' && host.value !== '') {
        out.push({
          path: `volume[${i}].host_path`,
          message: `${label} sets host_path ${show(host)}; Fargate does not support host paths (sourcePath). Remove host_path for a task-scoped bind mount, or use an EFS volume`,
        });
      }
      const docker = td.current.list(['volume', i, 'docker_volume_configuration']);
      if (docker.state === 'known' && docker.value.length > 0) {
        out.push({
          path: `volume[${i}].docker_volume_configuration`,
          message: `${label} uses docker_volume_configuration, which Fargate does not support; use a bind mount (name only) or an EFS volume`,
        });
      }
    });
    return out;
  },
};
