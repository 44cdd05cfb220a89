import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { labels, strategyEntries } from './util.js';

export const ECS_LAUNCHTYPE_XOR_CPS: Rule = {
  id: 'ECS_LAUNCHTYPE_XOR_CPS',
  severity: 'error',
  title: 'A service sets either launch_type or capacity_provider_strategy, not both',
  types: ['aws_ecs_service'],
  reads: [],
  check(service) {
    const lt = service.current.str('launch_type');
    if (lt.state !== 'known' || lt.value === '' || lt.origin !== 'config') return [];
    const strategy = strategyEntries(service, 'capacity_provider_strategy');
    if (!strategy || strategy.length === 0) return [];
    return [
      {
        path: 'launch_type',
        message:
          `launch_type ${show(lt)} is set together with capacity_provider_strategy (${labels(strategy)}); ` +
          'ECS rejects a service that specifies both. Remove launch_type to place tasks with the strategy, or remove the strategy to use the launch type',
      },
    ];
  },
};
