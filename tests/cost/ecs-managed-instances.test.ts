import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cluster, miProvider, scalingTarget, service, strategy, taskDef } from '../checks/ecs/fixtures.js';
import { estimate, resource } from './helpers.js';

/*
 * us-east-1 on-demand Linux prices in the snapshot: m6i.large $0.096/h, m6i.xlarge $0.192/h,
 * m6i.2xlarge $0.384/h. The Managed Instances management fee is not in the snapshot: a test price
 * file gives m6i.large $0.012/h and m6i.2xlarge $0.048/h. A month is 730 hours.
 */
const allowM6i = {
  instance_requirements: [
    {
      vcpu_count: [{ min: 2, max: 8 }],
      memory_mib: [{ min: 4096, max: 32768 }],
      allowed_instance_types: ['m6i.large', 'm6i.xlarge', 'm6i.2xlarge'],
    },
  ],
};

const td = () => taskDef('web', { requires_compatibilities: ['MANAGED_INSTANCES'], cpu: '1024', memory: '2048' });
const svc = (over: Record<string, unknown> = {}) =>
  service('web', { launch_type: null, capacity_provider_strategy: strategy(['mi', 1, 0]), ...over });

function feeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-mi-'));
  const file = join(dir, 'prices.json');
  writeFileSync(
    file,
    JSON.stringify({
      sources: { 'mi-test': { description: 'test fee', date: '2026-11-30' } },
      regions: {
        'us-east-1': {
          'ecs-managed-instances/m6i.large/hour': { usd: 0.012, src: 'mi-test' },
          'ecs-managed-instances/m6i.xlarge/hour': { usd: 0.024, src: 'mi-test' },
          'ecs-managed-instances/m6i.2xlarge/hour': { usd: 0.048, src: 'mi-test' },
        },
      },
    }),
  );
  return file;
}

describe('aws_ecs_service on an ECS Managed Instances capacity provider', () => {
  it('is never $0 and never priced on an Auto Scaling group: the fee stays unpriced until a price is loaded', () => {
    const c = estimate([cluster(), miProvider('mi', allowM6i), td(), svc()]);
    const r = resource(c, 'aws_ecs_service.web');
    expect(r.monthlyAfter).toBeNull();
    expect(r.description).toBe('ECS Managed Instances, m6i.large per task × 2');
    expect(r.components.map((k) => [k.name, k.quantity, k.unitPrice])).toEqual([
      ['Instances m6i.large (on-demand)', 1460, 0.096],
      ['ECS Managed Instances management fee (m6i.large)', 1460, null],
    ]);
    // The fee of the cheapest type (the figure) and of the priciest (the max) are both missing.
    expect(r.unpriced.map((u) => u.item)).toEqual([
      'ECS Managed Instances management fee (m6i.large)',
      'ECS Managed Instances management fee (m6i.2xlarge)',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Auto Scaling group/);
    expect((r.notes ?? []).join('\n')).toContain(
      '3 instance types meet its requirements and fit a 1 vCPU / 2048 MiB task, from m6i.large to m6i.2xlarge',
    );
  });

  it('gives a range from the cheapest allowed type at the min count to the priciest at the max, with the fee', () => {
    const c = estimate([cluster(), miProvider('mi', allowM6i), td(), svc(), scalingTarget('web', 6)], { cost: { priceFile: feeFile() } });
    const r = resource(c, 'aws_ecs_service.web');
    // point: 2 tasks × 730 h × (0.096 + 0.012) = 157.68; min (1 task): 78.84; max: 6 × 730 × (0.384 + 0.048) = 1892.16
    expect(r.monthlyAfter).toBeCloseTo(157.68, 9);
    expect(r.min).toBeCloseTo(78.84, 9);
    expect(r.max).toBeCloseTo(1892.16, 9);
    expect(r.unpriced).toEqual([]);
  });

  it('prices Spot capacity at the Spot estimate, and leaves the max open when the requirements set no upper bound', () => {
    const spot = {
      capacity_option_type: 'SPOT',
      instance_requirements: [{ vcpu_count: [{ min: 2 }], memory_mib: [{ min: 4096 }] }],
    };
    const c = estimate([cluster(), miProvider('mi', spot), td(), svc(), scalingTarget('web', 6)]);
    const r = resource(c, 'aws_ecs_service.web');
    const inst = r.components.find((k) => k.name.startsWith('Instances '))!;
    expect(inst.name).toMatch(/\(Spot\)$/);
    expect(r.max).toBeNull();
    expect((r.notes ?? []).join('\n')).toContain(
      'its requirements set no vCPU or memory maximum and no allowed types, so the max is unbounded',
    );
  });
});

describe('deployment strategies that run both fleets', () => {
  // Fargate Linux/x86 0.25 vCPU / 0.5 GB: (0.25 × 0.04048 + 0.5 × 0.004445) × 730 = 9.010025 per task-month
  const fargate = (strategyName: string | null) =>
    service('web', strategyName ? { deployment_configuration: [{ strategy: strategyName, bake_time_in_minutes: '20' }] } : {});

  it('BLUE_GREEN and LINEAR: the max counts the green tasks at full count beside blue', () => {
    for (const s of ['BLUE_GREEN', 'LINEAR']) {
      const r = resource(estimate([cluster(), taskDef('web'), fargate(s), scalingTarget('web', 4)]), 'aws_ecs_service.web');
      expect(r.monthlyAfter).toBeCloseTo(2 * 9.010025, 9);
      expect(r.max).toBeCloseTo(8 * 9.010025, 9);
      expect((r.notes ?? []).join('\n')).toContain(
        `its ${s} deployments run the new tasks at full count beside the old ones from scale-up through the bake time (bake_time_in_minutes = 20)`,
      );
    }
  });

  it('ROLLING (the default): the max is the scaling maximum', () => {
    const r = resource(estimate([cluster(), taskDef('web'), fargate(null), scalingTarget('web', 4)]), 'aws_ecs_service.web');
    expect(r.max).toBeCloseTo(4 * 9.010025, 9);
    expect((r.notes ?? []).join('\n')).not.toContain('beside the old ones');
  });
});
