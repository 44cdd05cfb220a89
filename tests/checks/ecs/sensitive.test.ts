import { describe, expect, it } from 'vitest';
import { ecsRules } from '../../../src/checks/rules/ecs/index.js';
import { check } from '../helpers.js';
import { cluster, clusterProviders, service, strategy, taskDef } from './fixtures.js';

const SECRETS = ['arn:aws:iam::123456789012:role/hidden-service-role', 'hidden-provider', 'hidden-cluster-provider', '1.4.9', '4242'];

describe('ECS rules and sensitive values', () => {
  it('never print a value the plan marks sensitive', () => {
    const fs = check(ecsRules, [
      taskDef('web', { requires_compatibilities: ['EC2'] }),
      service(
        'web',
        {
          launch_type: 'EC2',
          iam_role: SECRETS[0],
          platform_version: SECRETS[3],
          health_check_grace_period_seconds: Number(SECRETS[4]),
          capacity_provider_strategy: strategy([SECRETS[1]!, 1, 0]),
        },
        {
          sensitive: {
            iam_role: true,
            platform_version: true,
            health_check_grace_period_seconds: true,
            capacity_provider_strategy: [{ capacity_provider: true }],
          },
        },
      ),
      cluster(),
      clusterProviders([SECRETS[2]!], [], { sensitive: { capacity_providers: true } }),
    ]);
    // The rules did report on the sensitive attributes …
    expect(new Set(fs.map((f) => f.rule))).toEqual(
      new Set(['ECS_LAUNCHTYPE_XOR_CPS', 'ECS_IAM_ROLE_AWSVPC', 'ECS_PLATFORM_VERSION_EC2', 'ECS_HCGP_NO_LB', 'ECS_CP_NOT_ASSOCIATED']),
    );
    expect(fs.find((f) => f.rule === 'ECS_IAM_ROLE_AWSVPC')!.message).toContain('iam_role (sensitive)');
    expect(fs.find((f) => f.rule === 'ECS_CP_NOT_ASSOCIATED')!.message).toContain(
      'capacity provider (sensitive) is not associated with cluster aws_ecs_cluster.main (associated: (sensitive))',
    );
    // … without printing any of them.
    for (const f of fs) for (const s of SECRETS) expect(f.message).not.toContain(s);
  });
});
