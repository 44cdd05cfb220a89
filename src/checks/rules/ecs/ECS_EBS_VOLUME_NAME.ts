import { show } from '../../show.js';
import type { Rule } from '../../types.js';

/**
 * `volume_configuration` gives ECS the EBS volume to create for each task; its `name` must be a
 * volume of the service's task definition that is configured at launch (`configure_at_launch =
 * true`). ECS API ServiceVolumeConfiguration.name: "This value must match the volume name from
 * the Volume object in the task definition"; Volume.configuredAtLaunch marks the volumes whose
 * configuration is given at launch.
 */
export const ECS_EBS_VOLUME_NAME: Rule = {
  id: 'ECS_EBS_VOLUME_NAME',
  severity: 'error',
  title: "A service's EBS volume names a task definition volume configured at launch",
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_task_definition'],
  check(svc, ctx) {
    const vc = svc.current.list('volume_configuration');
    if (vc.state !== 'known' || vc.value.length === 0) return [];
    const name = svc.current.str(['volume_configuration', 0, 'name']);
    if (name.state !== 'known') return [];
    const td = ctx.graph.one(svc, 'task-definition');
    if (!td) return [];
    const vols = td.current.list('volume');
    if (vols.state === 'unknown') return [];
    const n = vols.state === 'known' ? vols.value.length : 0;
    let match = -1;
    for (let i = 0; i < n; i++) {
      const v = td.current.str(['volume', i, 'name']);
      if (v.state === 'unknown') return [];
      if (v.state === 'known' && v.value === name.value) match = i;
    }
    const path = 'volume_configuration[0].name';
    if (match < 0) {
      return [
        {
          path,
          message: `volume_configuration names volume ${show(name)}, but task definition ${td.address} has no volume of that name, so ECS rejects the service; add a volume block with that name and configure_at_launch = true to the task definition`,
        },
      ];
    }
    const atLaunch = td.current.bool(['volume', match, 'configure_at_launch']);
    if (atLaunch.state === 'known' && !atLaunch.value) {
      return [
        {
          path,
          message: `volume_configuration names volume ${show(name)}, but that volume of ${td.address} is not configured at launch (configure_at_launch ${show(atLaunch)}), so ECS rejects the service; set configure_at_launch = true on the task definition's volume`,
        },
      ];
    }
    return [];
  },
};
