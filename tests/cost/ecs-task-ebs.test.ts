import { describe, expect, it } from 'vitest';
import { estimate, resource, scalingTarget, service, taskDef } from './helpers.js';

/*
 * us-east-1: Fargate x86 0.5 vCPU / 1 GB is $18.02005 a task-month (see ecs-service.test.ts).
 * EBS gp3 $0.08 per GB-month, IOPS above 3,000 $0.005 per IOPS-month, throughput above
 * 125 MiB/s $0.04 per MiB/s-month; gp2 $0.10 per GB-month. A public IPv4 address $0.005 an hour:
 * $3.65 a month.
 */
const TASK = 18.02005;

const ebs = (o: Record<string, unknown> = {}) => ({
  role_arn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
  encrypted: true,
  file_system_type: 'xfs',
  size_in_gb: 100,
  volume_type: 'gp3',
  iops: 4000,
  throughput: 250,
  snapshot_id: null,
  kms_key_id: null,
  tag_specifications: [],
  ...o,
});

const td = {
  ...taskDef(),
  volume: [
    {
      name: 'data',
      configure_at_launch: true,
      host_path: '',
      docker_volume_configuration: [],
      efs_volume_configuration: [],
      fsx_windows_file_server_volume_configuration: [],
    },
  ],
};

function svc(extra: Record<string, unknown>) {
  return {
    ...service(),
    network_configuration: [{ subnets: ['subnet-0a1b2c3d'], security_groups: [], assign_public_ip: false }],
    ...extra,
  };
}

const plan = (s: Record<string, unknown>, more: Parameters<typeof estimate>[0] = []) =>
  estimate([{ address: 'aws_ecs_task_definition.api', after: td }, { address: 'aws_ecs_service.api', after: s }, ...more]);

describe('EBS volumes ECS attaches to tasks', () => {
  it('prices one volume per task (size, IOPS and throughput above the gp3 baseline), at the point and across the scaling range', () => {
    const c = plan(svc({ volume_configuration: [{ name: 'data', managed_ebs_volume: [ebs()] }] }), [
      { address: 'aws_appautoscaling_target.api', after: scalingTarget(2, 10) },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    // per task: 100 × 0.08 = 8; (4000 − 3000) × 0.005 = 5; (250 − 125) × 0.04 = 5 → 18
    expect(r.components.filter((k) => k.name.startsWith('EBS')).map((k) => [k.name, k.unit, k.quantity, k.unitPrice])).toEqual([
      ['EBS task volume (gp3, 100 GB)', 'GB-months', 200, 0.08],
      ['EBS task volume IOPS above 3000', 'IOPS-months', 2000, 0.005],
      ['EBS task volume throughput above 125 MB/s', 'MB/s-months', 250, 0.04],
    ]);
    expect(r.monthlyAfter).toBeCloseTo(2 * (TASK + 18), 9);
    expect(r.min).toBeCloseTo(2 * (TASK + 18), 9);
    expect(r.max).toBeCloseTo(10 * (TASK + 18), 9);
    expect(r.description).toBe('Fargate Linux/x86, 0.5 vCPU / 1 GB + 100 GB gp3 volume × 2');
    expect(r.notes).toContain('ECS creates one EBS volume per task (100 GB gp3), priced per task');
  });

  it('reads a volume type left out as gp2, with the reason', () => {
    const r = resource(
      plan(
        svc({ volume_configuration: [{ name: 'data', managed_ebs_volume: [ebs({ volume_type: null, iops: null, throughput: null })] }] }),
      ),
      'aws_ecs_service.api',
    );
    expect(r.components.filter((k) => k.name.startsWith('EBS')).map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['EBS task volume (gp2, 100 GB)', 200, 0.1],
    ]);
    expect(r.monthlyAfter).toBeCloseTo(2 * (TASK + 10), 9);
    expect(r.notes?.join('\n')).toContain('sets no volume_type: gp2, ECS passes the volume type 1:1 to EC2 CreateVolume');
  });

  it('does not price a volume sized by its snapshot, and says so', () => {
    const r = resource(
      plan(
        svc({
          volume_configuration: [{ name: 'data', managed_ebs_volume: [ebs({ size_in_gb: null, snapshot_id: 'snap-0123456789abcdef0' })] }],
        }),
      ),
      'aws_ecs_service.api',
    );
    expect(r.components.some((k) => k.name.startsWith('EBS'))).toBe(false);
    expect(r.notes).toContain(
      "the EBS volume of each task sets no size_in_gb, so it takes its snapshot's size: not in the plan, not priced",
    );
  });

  it('leaves the figures unknown when the volume size is known only after apply', () => {
    const s = svc({ volume_configuration: [{ name: 'data', managed_ebs_volume: [ebs({ size_in_gb: null })] }] });
    const c = estimate([
      { address: 'aws_ecs_task_definition.api', after: td },
      {
        address: 'aws_ecs_service.api',
        after: s,
        unknown: { volume_configuration: [{ managed_ebs_volume: [{ size_in_gb: true }] }] },
        expressions: {
          name: { constant_value: 'api' },
          desired_count: { constant_value: 2 },
          launch_type: { constant_value: 'FARGATE' },
          task_definition: { constant_value: 'api' },
          cluster: { constant_value: 'prod' },
          volume_configuration: [
            {
              name: { constant_value: 'data' },
              managed_ebs_volume: [
                {
                  size_in_gb: { references: ['var.size'] },
                  volume_type: { constant_value: 'gp3' },
                  role_arn: { constant_value: 'arn:aws:iam::123456789012:role/ecs-infrastructure' },
                },
              ],
            },
          ],
        },
      },
    ]);
    const r = resource(c, 'aws_ecs_service.api');
    expect(r.monthlyAfter).toBeNull();
    expect(r.max).toBeNull();
    expect(r.notes).toContain("the task volume's size_in_gb is known only after apply, so the cost is unknown");
  });

  it('prices the task volumes of a service on EC2 capacity, whose instances are priced on their group', () => {
    const r = resource(
      plan({
        ...svc({ volume_configuration: [{ name: 'data', managed_ebs_volume: [ebs({ iops: null, throughput: null })] }] }),
        launch_type: 'EC2',
      }),
      'aws_ecs_service.api',
    );
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([['EBS task volume (gp3, 100 GB)', 200]]);
    expect(r.monthlyAfter).toBeCloseTo(16, 9);
    expect(r.description).toBe('EC2 capacity + 100 GB gp3 volume × 2');
  });
});

describe('public IPv4 addresses of Fargate tasks', () => {
  it('prices one address per task with assign_public_ip = true', () => {
    const s = svc({});
    const r = resource(
      plan({ ...s, network_configuration: [{ subnets: ['subnet-0a1b2c3d'], security_groups: [], assign_public_ip: true }] }, [
        { address: 'aws_appautoscaling_target.api', after: scalingTarget(2, 10) },
      ]),
      'aws_ecs_service.api',
    );
    const ip = r.components.find((k) => k.name === 'Public IPv4 addresses')!;
    expect([ip.unit, ip.quantity, ip.unitPrice]).toEqual(['address-hours', 1460, 0.005]);
    expect(r.monthlyAfter).toBeCloseTo(2 * (TASK + 3.65), 9);
    expect(r.max).toBeCloseTo(10 * (TASK + 3.65), 9);
    // The ARM64 advice keeps the addresses: 2 × (0.01975 × 730 + 3.65) = 36.135
    expect(r.advice?.[0]).toBe('on ARM64 (Graviton): $36.14/month (−$7.21)');
  });

  it('prices no address without it', () => {
    const r = resource(plan(svc({})), 'aws_ecs_service.api');
    expect(r.components.map((k) => k.name)).toEqual(['Fargate vCPU (Linux/x86)', 'Fargate memory (Linux/x86)']);
  });
});
