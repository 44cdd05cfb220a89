import { describe, expect, it } from 'vitest';
import { ECS_TASK_PLACEMENT } from '../../../src/checks/rules/ecs/ECS_TASK_PLACEMENT.js';
import { check } from '../helpers.js';
import { asg, capacityProvider, cluster, clusterProviders, container, launchTemplate, service, strategy, taskDef } from './fixtures.js';

/** An ECS-on-EC2 stack: a service on capacity provider "cp", backed by an ASG of c6i.xlarge (4 vCPU, 8 GiB). */
function stack(task: Record<string, unknown>, containers = [container()], instanceType = 'c6i.xlarge') {
  return [
    cluster(),
    clusterProviders(['cp']),
    capacityProvider('cp', 'ecs'),
    asg('ecs'),
    launchTemplate('ecs', instanceType),
    taskDef('web', { requires_compatibilities: ['EC2'], network_mode: 'bridge', ...task }, {}, containers),
    service('web', { launch_type: null, network_configuration: [], capacity_provider_strategy: strategy(['cp', 1, 0]) }),
  ];
}

describe('ECS_TASK_PLACEMENT', () => {
  it('flags a 16 GiB task on c6i.xlarge capacity (8 GiB): it stays in PROVISIONING', () => {
    const f = check(ECS_TASK_PLACEMENT, stack({ cpu: '1024', memory: '16384' }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'ECS_TASK_PLACEMENT',
      severity: 'warning',
      address: 'aws_ecs_service.web',
      path: 'capacity_provider_strategy',
    });
    expect(f[0]!.message).toContain('16384 MiB');
    expect(f[0]!.message).toContain('"c6i.xlarge"');
    expect(f[0]!.message).toContain('PROVISIONING');
  });

  it('flags a task that asks for exactly the nominal memory (an instance registers less)', () => {
    expect(check(ECS_TASK_PLACEMENT, stack({ cpu: '1024', memory: '8192' }))).toHaveLength(1);
  });

  it('flags an ARM64 task on x86 capacity', () => {
    const f = check(
      ECS_TASK_PLACEMENT,
      stack({ cpu: '512', memory: '1024', runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }] }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('is x86_64');
  });

  it('flags a GPU task on instances without GPUs', () => {
    const f = check(
      ECS_TASK_PLACEMENT,
      stack({ cpu: '1024', memory: '2048' }, [container({ resourceRequirements: [{ type: 'GPU', value: '1' }] })]),
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('has no GPU');
  });

  it('flags an Inferentia task (/dev/neuron0) on instances without Neuron devices, and passes it on inf2', () => {
    const neuron = [
      container({
        linuxParameters: { devices: [{ hostPath: '/dev/neuron0', containerPath: '/dev/neuron0', permissions: ['read', 'write'] }] },
      }),
    ];
    const f = check(ECS_TASK_PLACEMENT, stack({ cpu: '1024', memory: '2048' }, neuron));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('has no Inferentia or Trainium device');
    expect(check(ECS_TASK_PLACEMENT, stack({ cpu: '1024', memory: '2048' }, neuron, 'inf2.xlarge'))).toEqual([]);
  });

  it('flags too many CPU units, from the containers when the task sets none', () => {
    const f = check(ECS_TASK_PLACEMENT, stack({ cpu: null, memory: null }, [container({ cpu: 8192, memory: 1024 })]));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('registers 4096 CPU units');
  });

  it('passes a task that fits, and a GPU task on GPU instances', () => {
    expect(check(ECS_TASK_PLACEMENT, stack({ cpu: '2048', memory: '4096' }))).toEqual([]);
    expect(
      check(
        ECS_TASK_PLACEMENT,
        stack({ cpu: '2048', memory: '8192' }, [container({ resourceRequirements: [{ type: 'GPU', value: '1' }] })], 'g5.xlarge'),
      ),
    ).toEqual([]);
  });

  it('says nothing when the task size is known only after apply or the capacity is not in the plan', () => {
    const unknownSize = stack({ cpu: '1024', memory: null });
    unknownSize[5] = taskDef(
      'web',
      { requires_compatibilities: ['EC2'], network_mode: 'bridge', cpu: '1024' },
      { unknown: { memory: true }, expressions: { memory: { references: ['var.memory'] } } },
    );
    expect(check(ECS_TASK_PLACEMENT, unknownSize)).toEqual([]);
    const noAsg = stack({ cpu: '1024', memory: '16384' }).filter((r) => !r.address.startsWith('aws_autoscaling_group'));
    expect(check(ECS_TASK_PLACEMENT, noAsg)).toEqual([]);
  });

  it('says nothing for Fargate services', () => {
    const rs = [taskDef('web', { cpu: '1024', memory: '16384' }), service('web')];
    expect(check(ECS_TASK_PLACEMENT, rs)).toEqual([]);
  });
});
