import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Report } from '../../src/report/schema.js';
import { FIXTURES } from '../helpers/paths.js';

/** The regression fixtures of plans as Terraform writes them, through the CLI. */
async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

const fx = (n: string) => join(FIXTURES, n);

describe('fixtures/provider-v6-region.json (AWS provider v6 resource regions)', () => {
  it('reads each resource in its own region and says where the region came from', async () => {
    const r = await cli('--format', 'json', fx('provider-v6-region.json'));
    expect(r.code).toBe(0);
    const p = Report.parse(JSON.parse(r.out)).plans[0]!;
    const by = Object.fromEntries(p.resources.map((x) => [x.address, x]));
    // region = var.eu_region
    expect(by['aws_ecs_service.api']).toMatchObject({ region: 'eu-central-1', regionSource: 'resource' });
    // not written: the provider's region shown in after, or unknown in after_unknown
    expect(by['aws_ecs_cluster.home']).toMatchObject({ region: 'us-east-1', regionSource: 'provider' });
    expect(by['aws_ecs_task_definition.worker']).toMatchObject({ region: 'us-east-1', regionSource: 'provider' });
    // region = aws_s3_bucket.replica.bucket_region, unknown until apply
    expect(by['aws_ecs_service.worker']).toMatchObject({ region: '(known after apply)', regionSource: 'resource', regionUnknown: true });
    // a delete: before.region
    expect(by['aws_eks_cluster.legacy']).toMatchObject({ action: 'delete', region: 'eu-west-1', regionSource: 'resource' });
    for (const x of p.resources.filter((x) => x.address !== 'aws_ecs_service.worker')) expect(x.regionUnknown).toBeUndefined();

    const cost = Object.fromEntries(p.cost!.resources.map((x) => [x.address, x]));
    // eu-central-1 Fargate: 730 vCPU-hours × $0.04656 + 1,460 GB-hours × $0.00511
    expect(cost['aws_ecs_service.api']!.components.map((k) => k.unitPrice)).toEqual([0.04656, 0.00511]);
    expect(cost['aws_ecs_service.api']!.monthlyAfter).toBeCloseTo(41.4494, 6);
    expect(cost['aws_ecs_service.worker']).toMatchObject({ monthlyAfter: null, monthlyDelta: null });
    expect(cost['aws_ecs_service.worker']!.notes!.join(' ')).toContain('region is known only after apply');
    expect(cost['aws_eks_cluster.legacy']).toMatchObject({ monthlyBefore: 73, monthlyAfter: 0 });
    expect(p.cost!.monthlyAfter).toBeNull();
  });

  it('shows the unknown region in the text report', async () => {
    const r = await cli(fx('provider-v6-region.json'));
    expect(r.out).toMatch(/\+ create\s+aws_ecs_service\.worker\s+\(known after apply\)/);
    expect(r.out).toMatch(/\+ create\s+aws_ecs_service\.api\s+eu-central-1/);
  });
});

describe('fixtures/plan-errored.json and fixtures/plan-deferred.json (plan status)', () => {
  it('an errored plan: a plan-level error, exit 1 (the gate fails), in json and text', async () => {
    const json = await cli('--format', 'json', fx('plan-errored.json'));
    expect(json.code).toBe(1);
    const report = Report.parse(JSON.parse(json.out));
    expect(report.plans[0]!.planErrors![0]).toContain('errored: true');
    expect(report.gate.passed).toBe(false);
    const text = await cli(fx('plan-errored.json'));
    expect(text.code).toBe(1);
    expect(text.out).toContain('✗ plan error: Terraform reported errors while planning (errored: true)');
    expect(text.err).toBe('');
  });

  it('an incomplete plan: a note listing the deferred changes, the deferred service marked and priced per instance, a partial total; exit 0', async () => {
    const r = await cli('--format', 'json', fx('plan-deferred.json'));
    expect(r.code).toBe(0);
    const p = Report.parse(JSON.parse(r.out)).plans[0]!;
    expect(p.notes!.join(' ')).toContain(
      'aws_ecs_service.worker[*] (instance_count_unknown), aws_route53_record.worker[*] (deferred_prereq)',
    );
    expect(p.resources.find((x) => x.address === 'aws_ecs_service.worker[*]')).toMatchObject({ deferred: true, action: 'create' });
    expect(p.cost!.resources.find((x) => x.address === 'aws_ecs_service.worker[*]')).toMatchObject({ deferred: true, monthlyAfter: null });
    expect(p.cost).toMatchObject({ partial: true, monthlyAfter: null });
  });
});
