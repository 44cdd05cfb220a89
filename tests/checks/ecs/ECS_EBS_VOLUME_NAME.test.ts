import { describe, expect, it } from 'vitest';
import { ECS_EBS_VOLUME_NAME } from '../../../src/checks/rules/ecs/ECS_EBS_VOLUME_NAME.js';
import { constants, ref } from '../../helpers/plan.js';
import { runner, service, SVC, taskDef } from '../fargate/specs.js';

const run = runner(ECS_EBS_VOLUME_NAME);

const volumeConfiguration = (name: string) => [
  {
    name,
    managed_ebs_volume: [
      {
        role_arn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
        encrypted: true,
        file_system_type: 'xfs',
        size_in_gb: 100,
        volume_type: 'gp3',
        iops: null,
        throughput: null,
        snapshot_id: null,
        kms_key_id: null,
        tag_specifications: [],
      },
    ],
  },
];

/** A service with the volume configuration written in its configuration. */
function svcWith(name: string) {
  const s = service({ volume_configuration: volumeConfiguration(name) });
  return {
    ...s,
    expressions: {
      ...constants(s.after!),
      task_definition: ref('aws_ecs_task_definition.app.arn', 'aws_ecs_task_definition.app'),
    },
  };
}

const vol = (name: string, atLaunch?: boolean) => ({
  name,
  host_path: '',
  docker_volume_configuration: [],
  efs_volume_configuration: [],
  fsx_windows_file_server_volume_configuration: [],
  ...(atLaunch === undefined ? {} : { configure_at_launch: atLaunch }),
});

describe('ECS_EBS_VOLUME_NAME', () => {
  it('reports a volume_configuration naming no task definition volume', () => {
    const f = run([taskDef({ volume: [vol('scratch', true)] }), svcWith('data')]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['ECS_EBS_VOLUME_NAME', 'error', SVC, 'volume_configuration[0].name'],
    ]);
    expect(f[0]!.message).toContain(
      'volume_configuration names volume "data", but task definition aws_ecs_task_definition.app has no volume of that name',
    );
  });

  it('reports a volume that is not configured at launch, also when configure_at_launch is left unset', () => {
    const written = run([taskDef({ volume: [vol('data', false)] }), svcWith('data')]);
    expect(written.map((x) => x.path)).toEqual(['volume_configuration[0].name']);
    expect(written[0]!.message).toContain('is not configured at launch (configure_at_launch false)');
    // Left unset (Optional+Computed: unknown in a create plan), it reads as AWS's default, false.
    const unset = run([taskDef({ volume: [vol('data')] }), svcWith('data')]);
    expect(unset.map((x) => x.path)).toEqual(['volume_configuration[0].name']);
    expect(unset[0]!.message).toContain('(configure_at_launch false (not set: the AWS default))');
  });

  it('passes a volume configured at launch, and services without volume_configuration', () => {
    expect(run([taskDef({ volume: [vol('scratch'), vol('data', true)] }), svcWith('data')])).toEqual([]);
    expect(run([taskDef({ volume: [vol('data', true)] }), service()])).toEqual([]);
  });

  it('says nothing when configure_at_launch is known only after apply', () => {
    const td = taskDef({ volume: [vol('data')] }, undefined, {
      expressions: { volume: [{ name: { constant_value: 'data' }, configure_at_launch: { references: ['var.at_launch'] } }] },
      unknown: { volume: [{ configure_at_launch: true }] },
    });
    expect(run([td, svcWith('data')])).toEqual([]);
  });
});
