import { describe, expect, it } from 'vitest';
import { ECS_IAM_ROLE_AWSVPC } from '../../../src/checks/rules/ecs/ECS_IAM_ROLE_AWSVPC.js';
import { check } from '../helpers.js';
import { service, taskDef } from './fixtures.js';

const role = 'arn:aws:iam::123456789012:role/ecs-service';

describe('ECS_IAM_ROLE_AWSVPC', () => {
  it('warns about iam_role on an awsvpc service', () => {
    const fs = check(ECS_IAM_ROLE_AWSVPC, [
      taskDef('web', { requires_compatibilities: ['EC2'] }),
      service('web', { launch_type: 'EC2', iam_role: role }),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'ECS_IAM_ROLE_AWSVPC', severity: 'warning', address: 'aws_ecs_service.web', path: 'iam_role' });
    expect(fs[0]!.message).toContain(
      `iam_role "${role}" is set, but task definition aws_ecs_task_definition.web uses network_mode "awsvpc"`,
    );
    expect(fs[0]!.message).toContain('Remove iam_role');
  });

  it('warns about an iam_role created in the same plan (ARN known after apply, set in the configuration)', () => {
    const svc = service(
      'web',
      { launch_type: 'EC2' },
      {
        unknown: { iam_role: true },
        expressions: { iam_role: { references: ['aws_iam_role.ecs_service.arn', 'aws_iam_role.ecs_service'] } },
      },
    );
    const fs = check(ECS_IAM_ROLE_AWSVPC, [taskDef('web', { requires_compatibilities: ['EC2'] }), svc]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('iam_role (known after apply) is set');
    // Unknown and not in the configuration: the provider computes it; nothing to say.
    const computed = service('web', { launch_type: 'EC2' }, { unknown: { iam_role: true } });
    expect(check(ECS_IAM_ROLE_AWSVPC, [taskDef('web', { requires_compatibilities: ['EC2'] }), computed])).toEqual([]);
  });

  it('accepts iam_role on a bridge service, and an awsvpc service without one', () => {
    expect(
      check(ECS_IAM_ROLE_AWSVPC, [
        taskDef('web', { network_mode: 'bridge' }),
        service('web', { launch_type: 'EC2', iam_role: role, network_configuration: [] }),
      ]),
    ).toEqual([]);
    expect(check(ECS_IAM_ROLE_AWSVPC, [taskDef('web'), service('web', { iam_role: null })])).toEqual([]);
  });

  it('ignores an iam_role the provider computed', () => {
    expect(
      check(ECS_IAM_ROLE_AWSVPC, [
        taskDef('web'),
        service('web', { iam_role: role }, { actions: ['no-op'], expressions: { iam_role: undefined } }),
      ]),
    ).toEqual([]);
  });

  it('says nothing when the network mode is unknown', () => {
    expect(
      check(ECS_IAM_ROLE_AWSVPC, [
        taskDef('web', { network_mode: null }, { unknown: { network_mode: true } }),
        service('web', { iam_role: role }),
      ]),
    ).toEqual([]);
  });
});
