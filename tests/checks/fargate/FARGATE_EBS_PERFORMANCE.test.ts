import { describe, expect, it } from 'vitest';
import { FARGATE_EBS_PERFORMANCE } from '../../../src/checks/rules/fargate/FARGATE_EBS_PERFORMANCE.js';
import { constants, ref } from '../../helpers/plan.js';
import { runner, service, SVC, taskDef } from './specs.js';

const run = runner(FARGATE_EBS_PERFORMANCE);

function svcWith(ebs: Record<string, unknown>, attrs: Record<string, unknown> = {}) {
  const s = service({
    volume_configuration: [
      {
        name: 'data',
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
            ...ebs,
          },
        ],
      },
    ],
    ...attrs,
  });
  return {
    ...s,
    expressions: { ...constants(s.after!), task_definition: ref('aws_ecs_task_definition.app.arn', 'aws_ecs_task_definition.app') },
  };
}

const twoVcpu = taskDef({ cpu: '2048', memory: '4096' });

describe('FARGATE_EBS_PERFORMANCE', () => {
  it('warns of IOPS and throughput above the baseline of a 2 vCPU task', () => {
    const f = run([twoVcpu, svcWith({ iops: 6000, throughput: 250 })]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['FARGATE_EBS_PERFORMANCE', 'warning', SVC, 'volume_configuration[0].managed_ebs_volume[0].iops'],
      ['FARGATE_EBS_PERFORMANCE', 'warning', SVC, 'volume_configuration[0].managed_ebs_volume[0].throughput'],
    ]);
    expect(f[0]!.message).toContain('iops 6000 is above the 3000 IOPS baseline of a 2 vCPU Fargate task');
    expect(f[1]!.message).toContain('throughput 250 MiB/s is above the 75 MiB/s baseline of a 2 vCPU Fargate task');
  });

  it('passes values within the baseline of the task size, and gp3 defaults', () => {
    expect(run([taskDef({ cpu: '8192', memory: '16384' }), svcWith({ iops: 10000, throughput: 250 })])).toEqual([]);
    expect(run([twoVcpu, svcWith({})])).toEqual([]);
  });

  it('warns of a provisioned IOPS volume on a task of 1 vCPU or less', () => {
    const f = run([taskDef(), svcWith({ volume_type: 'io2', iops: 3000 })]);
    expect(f.map((x) => x.path)).toEqual(['volume_configuration[0].managed_ebs_volume[0].volume_type']);
    expect(f[0]!.message).toContain('volume_type "io2" on a Fargate task of 0.25 vCPU');
    expect(run([taskDef(), svcWith({ volume_type: 'gp3' })])).toEqual([]);
  });

  it('says nothing off Fargate', () => {
    expect(
      run([
        { ...twoVcpu, after: { ...twoVcpu.after, requires_compatibilities: ['EC2'] } },
        svcWith({ iops: 6000 }, { launch_type: 'EC2' }),
      ]),
    ).toEqual([]);
  });
});
