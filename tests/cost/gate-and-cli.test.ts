import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { embeddedSnapshot } from '../../src/cost/prices.js';
import { analyse } from '../../src/engine/analyse.js';
import { buildPlan, constants, ref, writePlan } from '../helpers/plan.js';
import { estimate, resource, service, taskDef } from './helpers.js';

/* 0.5 vCPU / 1 GB x86 Fargate task in us-east-1: (0.5 × 0.04048 + 0.004445) × 730 = 18.02005 a month. */
const createPlan = () =>
  writePlan(
    'create.json',
    buildPlan([
      { address: 'aws_ecs_task_definition.api', after: taskDef() },
      { address: 'aws_ecs_service.api', after: service({ desired: 2 }) },
    ]),
  );
// update: 2 → 6 tasks, 36.0401 → 108.1203 (+72.0802, +200%)
const updatePlan = () =>
  writePlan(
    'update.json',
    buildPlan([
      { address: 'aws_ecs_task_definition.api', actions: ['no-op'], before: taskDef(), after: taskDef() },
      { address: 'aws_ecs_service.api', actions: ['update'], before: service({ desired: 2 }), after: service({ desired: 6 }) },
    ]),
  );

// fail-on never: these plans are minimal, and the rules' findings are not what is tested here.
const run = (paths: string[], extra: Record<string, number> = {}) => analyse(paths, { asOf: '2026-11-22', failOn: 'never', ...extra });

describe('gate on the monthly delta', () => {
  it('--max-increase fails above the limit and passes below it', async () => {
    const over = await run([createPlan()], { maxIncrease: 30 });
    expect(over.report.cost?.monthlyDelta).toBeCloseTo(36.0401, 9);
    expect(over.report.gate).toEqual({ passed: false, reasons: ['+$36.04/month exceeds max-increase $30.00'] });
    expect((await run([createPlan()], { maxIncrease: 40 })).report.gate.passed).toBe(true);
  });

  it('--max-increase-percent compares the delta with the cost before', async () => {
    const over = await run([updatePlan()], { maxIncreasePercent: 150 });
    expect(over.report.cost?.monthlyBefore).toBeCloseTo(36.0401, 9);
    expect(over.report.cost?.monthlyDelta).toBeCloseTo(72.0802, 9);
    expect(over.report.gate.reasons).toEqual(['+200.0% exceeds max-increase-percent 150%']);
    expect((await run([updatePlan()], { maxIncreasePercent: 250 })).report.gate.passed).toBe(true);
  });

  it('adds up the totals across plans', async () => {
    const r = await run([createPlan(), updatePlan()], { maxIncrease: 100 });
    // 36.0401 + 72.0802 = 108.1203
    expect(r.report.cost?.monthlyDelta).toBeCloseTo(108.1203, 9);
    expect(r.report.cost?.monthlyAfter).toBeCloseTo(36.0401 + 108.1203, 9);
    expect(r.report.gate.passed).toBe(false);
  });

  it('cannot check a limit when the delta is unknown', async () => {
    const p = writePlan(
      'unknown.json',
      buildPlan([
        { address: 'aws_ecs_task_definition.api', after: taskDef() },
        {
          address: 'aws_ecs_service.api',
          after: { ...service(), desired_count: null },
          unknown: { desired_count: true },
          expressions: { ...constants(service()), desired_count: ref('var.desired_count') },
        },
      ]),
    );
    const r = await run([p], { maxIncrease: 1000 });
    expect(r.report.gate.reasons).toEqual(['the monthly cost delta is unknown, so the cost limit cannot be checked']);
  });
});

describe('CLI', () => {
  it('prints the cost table', async () => {
    let out = '';
    const code = await runCli(['--as-of', '2026-11-22', '--fail-on', 'never', createPlan()], {
      stdout: (s) => (out += s),
      stderr: () => {},
      today: () => '2026-11-22',
    });
    expect(code).toBe(0);
    expect(out).toContain('monthly cost (USD, 730 hours a month, AWS prices of 2026-11-22):');
    expect(out).toMatch(/aws_ecs_service\.api\s+\+ create\s+–\s+\$36\.04\s+\+\$36\.04/);
    expect(out).toMatch(/total\s+\$0\.00\s+\$36\.04\s+\+\$36\.04/);
    expect(out).toMatch(/Fargate vCPU \(Linux\/x86\)\s+730 vCPU-hours × \$0\.04048\s+= \$29\.55/);
  });
});

const FIXTURES = join(import.meta.dirname, '../../fixtures/pricing');

describe('pricing update', () => {
  it('--from-dir on offer files builds the expected snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-pricing-'));
    const out = join(dir, 'snapshot.json');
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', join(FIXTURES, 'price-list'), '--out', out], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(0);
    const got = JSON.parse(readFileSync(out, 'utf8'));
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected-snapshot.json'), 'utf8'));
    const { description: _d, estimates, ...rest } = got;
    expect(rest).toEqual(expected);
    expect(estimates).toEqual(embeddedSnapshot.estimates);
    expect(err).toContain('AmazonECS mx-central-1: no usage-type prefix known for this region');
    expect(err).toContain('wrote 43 prices in 4 regions (snapshot 2025-11-06)');
  });

  it('limits the regions with --region', async () => {
    let out = '';
    const code = await runCli(['pricing', 'update', '--from-dir', join(FIXTURES, 'price-list'), '--region', 'eu-west-1'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      today: () => '2026-11-22',
    });
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(out).regions)).toEqual(['eu-west-1']);
  });

  it('reports a missing Price List file in one line, exit 2', async () => {
    let err = '';
    const code = await runCli(['pricing', 'update', '--from-dir', FIXTURES], {
      stdout: () => {},
      stderr: (s) => (err += s),
      today: () => '2026-11-22',
    });
    expect(code).toBe(2);
    expect(err).toBe(`container-plan-check: ${join(FIXTURES, 'offers/v1.0/aws/index.json')}: cannot read the Price List file (ENOENT)\n`);
  });

  it('a snapshot it writes is usable as the price file, merged over the embedded one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-pricing-'));
    const out = join(dir, 'snapshot.json');
    await runCli(['pricing', 'update', '--from-dir', join(FIXTURES, 'price-list'), '--out', out], {
      stdout: () => {},
      stderr: () => {},
      today: () => '2026-11-22',
    });
    // eu-west-1 m5.large from the fixture offer: 0.107 × 730 = 78.11 + 20 GB × 0.11 = 2.2 → 80.31
    const ng = {
      address: 'aws_eks_node_group.ng',
      after: {
        cluster_name: 'prod',
        capacity_type: 'ON_DEMAND',
        instance_types: ['m5.large'],
        disk_size: 20,
        launch_template: [],
        scaling_config: [{ desired_size: 1, min_size: 1, max_size: 1 }],
      },
    };
    const c = estimate([ng], { spec: { region: 'eu-west-1' }, cost: { priceFile: out } });
    expect(resource(c, 'aws_eks_node_group.ng').monthlyAfter).toBeCloseTo(80.31, 9);
    expect(c.snapshotDate).toBe('2025-11-06');
    expect(resource(c, 'aws_eks_node_group.ng').components[0]!.priceSource).toBe(
      'price file: AWS Price List, AmazonEC2 offer for eu-west-1, version 20251105094417 (2025-11-05)',
    );
  });

  it('a price file with a source it does not describe is refused in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-pricing-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ regions: { 'eu-west-1': { 'ec2/m5.large/hour': { usd: 0.1, src: 'nowhere' } } } }));
    expect(() =>
      estimate([{ address: 'aws_eks_cluster.prod', after: { name: 'prod', version: '1.35' } }], { cost: { priceFile: bad } }),
    ).toThrow(`${bad}: regions.eu-west-1["ec2/m5.large/hour"].src "nowhere" is not described under sources`);
  });
});
