import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineOptions } from '../../src/cli/main.js';
import { analyse } from '../../src/engine/analyse.js';
import { mergeReports } from '../../src/engine/merge.js';
import { loadPlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { render } from '../../src/report/render.js';
import { Report } from '../../src/report/schema.js';
import { service, taskDef } from '../cost/helpers.js';
import { FIXTURES } from '../helpers/paths.js';
import { buildPlan, writePlan, type ResSpec } from '../helpers/plan.js';

/*
 * What a plan says of itself: `errored` (Terraform 1.6+), `applyable` and `complete` (1.8+),
 * `deferred_changes` (1.9+, `[{reason, resource_change}]`). Terraform marks a plan without
 * changes `applyable: false` (with `errored: false`): that is nothing to apply, not an error.
 */
const TODAY = '2026-11-22';
const opts = engineOptions({ asOf: TODAY }, TODAY);

/** A Fargate service without findings (a network configuration and a circuit breaker). */
const sound = (name: string, desired = 2, family = name) => ({
  ...service({ name, desired }),
  task_definition: family,
  network_configuration: [{ subnets: ['subnet-0aa11bb22cc33dd44'], security_groups: ['sg-0a1b2c3d4e5f60718'], assign_public_ip: false }],
  deployment_circuit_breaker: [{ enable: true, rollback: true }],
});
const fargate: ResSpec[] = [
  { address: 'aws_ecs_task_definition.api', after: taskDef() },
  { address: 'aws_ecs_service.api', after: sound('api') },
];

let n = 0;
function planFile(resources: ResSpec[], edit: (p: Record<string, unknown>) => void = () => {}): string {
  const plan = JSON.parse(JSON.stringify(buildPlan(resources)));
  edit(plan);
  return writePlan(`status-${n++}.json`, plan);
}

/** Moves the changes at `addresses` into deferred_changes, as Terraform lists them. */
function defer(plan: Record<string, unknown>, reasons: Record<string, string>, wildcard: string[] = []): void {
  const changes = plan.resource_changes as Record<string, unknown>[];
  plan.deferred_changes = changes
    .filter((c) => (c.address as string) in reasons)
    .map((c) => {
      const reason = reasons[c.address as string]!;
      if (!wildcard.includes(c.address as string)) return { reason, resource_change: c };
      const { index: _index, ...rest } = c;
      return { reason, resource_change: { ...rest, address: `${c.address as string}[*]`, index_unknown: true } };
    });
  plan.resource_changes = changes.filter((c) => !((c.address as string) in reasons));
  plan.complete = false;
}

const one = async (file: string) => (await analyse([file], opts)).report;

describe('errored and not applyable plans', () => {
  it('errored: true is a plan-level error in every format, and the gate fails with the reason; the plan is still analysed', async () => {
    const file = planFile(fargate, (p) => Object.assign(p, { errored: true, applyable: false }));
    const report = await one(file);
    const p = report.plans[0]!;
    expect(p.error).toBeNull();
    expect(p.planErrors).toEqual([expect.stringContaining('Terraform reported errors while planning (errored: true)')]);
    expect(p.resources.map((r) => r.address)).toEqual(['aws_ecs_task_definition.api', 'aws_ecs_service.api']);
    expect(p.cost!.partial).toBe(true);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons).toEqual([`${file}: ${p.planErrors![0]}`]);

    expect(render(report, 'text')).toContain('✗ plan error: Terraform reported errors while planning (errored: true)');
    const md = render(report, 'markdown').replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));
    expect(md).toMatch(/^### ❌ .*1 plan with plan errors/);
    expect(md).toContain('**Fails the check:**');
    expect(md).toContain('- ❌ Terraform reported errors while planning (errored: true)');
    expect(Report.parse(JSON.parse(render(report, 'json'))).plans[0]!.planErrors).toEqual(p.planErrors);
    const sarif = JSON.parse(render(report, 'sarif'));
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: `${file}: ${p.planErrors![0]}` } },
    ]);
    expect(sarif.runs[0].properties.gate).toBe('failed');
  });

  it('applyable: false while the plan changes resources is a plan-level error', async () => {
    const report = await one(planFile(fargate, (p) => Object.assign(p, { applyable: false, errored: false })));
    expect(report.plans[0]!.planErrors).toEqual([expect.stringContaining('not applyable (applyable: false)')]);
    expect(report.gate.passed).toBe(false);
  });

  it('applyable: false on a plan without changes is how Terraform says there is nothing to apply: a note, the gate passes', async () => {
    const noop = fargate.map((r) => ({ ...r, actions: ['no-op'] }));
    const report = await one(planFile(noop, (p) => Object.assign(p, { applyable: false, errored: false })));
    expect(report.plans[0]!.planErrors).toBeUndefined();
    expect(report.plans[0]!.notes).toContain('Terraform found nothing to apply in this plan (applyable: false)');
    expect(report.gate).toEqual({ passed: true, reasons: [] });
  });

  it('a plan without the flags (before Terraform 1.6) and a sound one have no plan errors', async () => {
    const old = await one(
      planFile(fargate, (p) => {
        delete p.errored;
        delete p.applyable;
        delete p.complete;
      }),
    );
    const sound = await one(planFile(fargate));
    for (const r of [old, sound]) {
      expect(r.plans[0]!.planErrors).toBeUndefined();
      expect(r.plans[0]!.cost!.partial).toBeUndefined();
      expect(r.gate.passed).toBe(true);
    }
  });
});

describe('incomplete plans and deferred changes', () => {
  it('complete: false without deferred changes (a -target plan): a note, and the cost is partial', async () => {
    const report = await one(planFile(fargate, (p) => Object.assign(p, { complete: false })));
    const p = report.plans[0]!;
    expect(p.notes!.join(' ')).toContain('the plan is incomplete (complete: false)');
    expect(p.cost!.partial).toBe(true);
    expect(p.cost!.notes![0]).toMatch(/^partial: /);
    expect(report.cost!.partial).toBe(true);
    expect(report.gate.passed).toBe(true);
    expect(render(report, 'text')).toMatch(/total \(partial\)/);
    expect(render(report, 'markdown')).toContain('| **Total (partial)** |');
  });

  it('deferred changes of analysed types are checked and priced, marked deferred; every deferred change is listed with its reason', async () => {
    const rs: ResSpec[] = [
      ...fargate,
      { address: 'aws_ecs_task_definition.web', after: taskDef({ family: 'web' }) },
      { address: 'aws_ecs_service.web', after: sound('web', 1) },
      { address: 'aws_route53_record.api', after: { name: 'api.example.com', type: 'CNAME', ttl: 300 } },
    ];
    const file = planFile(rs, (p) =>
      defer(
        p,
        {
          'aws_ecs_service.api': 'deferred_prereq',
          'aws_ecs_service.web': 'instance_count_unknown',
          'aws_route53_record.api': 'deferred_prereq',
        },
        ['aws_ecs_service.web'],
      ),
    );
    const report = await one(file);
    const p = report.plans[0]!;
    expect(p.deferredChanges).toEqual([
      { address: 'aws_ecs_service.api', type: 'aws_ecs_service', reason: 'deferred_prereq' },
      { address: 'aws_ecs_service.web[*]', type: 'aws_ecs_service', reason: 'instance_count_unknown' },
      { address: 'aws_route53_record.api', type: 'aws_route53_record', reason: 'deferred_prereq' },
    ]);
    expect(p.notes!.join(' ')).toContain(
      'Terraform deferred 3 changes to a later plan: aws_ecs_service.api (deferred_prereq), aws_ecs_service.web[*] (instance_count_unknown), aws_route53_record.api (deferred_prereq)',
    );
    const res = Object.fromEntries(p.resources.map((r) => [r.address, r]));
    expect(res['aws_ecs_service.api']!.deferred).toBe(true);
    expect(res['aws_ecs_service.web[*]']!.deferred).toBe(true);
    expect(res['aws_ecs_task_definition.api']!.deferred).toBeUndefined();
    const cost = Object.fromEntries(p.cost!.resources.map((r) => [r.address, r]));
    // A deferred instance is priced from what the plan shows (2 × 0.5 vCPU / 1 GB in us-east-1).
    expect(cost['aws_ecs_service.api']).toMatchObject({ deferred: true });
    expect(cost['aws_ecs_service.api']!.monthlyAfter).toBeCloseTo(36.0401, 6);
    // An unknown number of instances: per-instance components, unknown monthly.
    expect(cost['aws_ecs_service.web[*]']).toMatchObject({ deferred: true, monthlyAfter: null, monthlyDelta: null });
    expect(cost['aws_ecs_service.web[*]']!.components.length).toBeGreaterThan(0);
    expect(p.cost!.partial).toBe(true);
    expect(render(report, 'text')).toMatch(/\+ create \(deferred\)\s+aws_ecs_service\.api/);
    expect(render(report, 'markdown')).toContain('| <code>aws&#95;ecs&#95;service.api</code> | + create (deferred) |');
  });

  it('both loaders pick up deferred changes alike (the streaming one for big files)', async () => {
    for (const f of ['plan-deferred.json', 'plan-errored.json', 'provider-v6-region.json']) {
      const file = join(FIXTURES, f);
      const whole = await loadPlan(file, { streamThresholdBytes: Infinity });
      for (const streamOpts of [{ streamThresholdBytes: 0 }, { streamThresholdBytes: 0, twoPassThresholdBytes: 0 }]) {
        const streamed = await loadPlan(file, streamOpts);
        expect(streamed.deferred_changes).toEqual(whole.deferred_changes);
        expect([streamed.errored, streamed.applyable, streamed.complete]).toEqual([whole.errored, whole.applyable, whole.complete]);
        expect(buildModel(streamed).deferred).toEqual(buildModel(whole).deferred);
      }
    }
    const whole = await loadPlan(join(FIXTURES, 'plan-deferred.json'), { streamThresholdBytes: Infinity });
    expect(whole.deferred_changes!.map((d) => [d.resource_change.address, d.reason])).toEqual([
      ['aws_ecs_service.worker[*]', 'instance_count_unknown'],
      ['aws_route53_record.worker[*]', 'deferred_prereq'],
    ]);
    // A type this tool does not read keeps only what names it.
    expect(whole.deferred_changes![1]!.resource_change.change).toEqual({ actions: ['create'] });
  });

  it('a malformed deferred_changes is one line naming the file and the place', async () => {
    const bad = planFile(fargate, (p) => {
      p.deferred_changes = [
        { reason: 'deferred_prereq', resource_change: { address: 'aws_ecs_service.x', type: 'aws_ecs_service', name: 'x' } },
      ];
    });
    for (const streamThresholdBytes of [Infinity, 0]) {
      await expect(loadPlan(bad, { streamThresholdBytes })).rejects.toThrow(
        `${bad}: is not a valid plan: deferred_changes[0].resource_change.change: `,
      );
    }
    const notArray = planFile(fargate, (p) => {
      p.deferred_changes = { reason: 'x' };
    });
    await expect(loadPlan(notArray)).rejects.toThrow(`${notArray}: is not a valid plan: deferred_changes: expected an array`);
  });
});

describe('the regression fixtures through the engine and merge', () => {
  it('fixtures/plan-errored.json fails the gate; fixtures/plan-deferred.json passes with a partial cost', async () => {
    const { report } = await analyse([join(FIXTURES, 'plan-errored.json'), join(FIXTURES, 'plan-deferred.json')], opts);
    const [errored, deferred] = report.plans;
    expect(errored!.planErrors).toHaveLength(1);
    expect(deferred!.planErrors).toBeUndefined();
    expect(deferred!.deferredChanges!.map((d) => d.reason)).toEqual(['instance_count_unknown', 'deferred_prereq']);
    expect(deferred!.resources.find((r) => r.address === 'aws_ecs_service.worker[*]')!.deferred).toBe(true);
    expect(report.gate.reasons).toEqual([expect.stringMatching(/plan-errored\.json: Terraform reported errors while planning/)]);
    expect(report.cost!.partial).toBe(true);
  });

  it('merge keeps plan errors, deferred marks and partial costs, and its gate fails on the plan error', async () => {
    const files = [];
    for (const f of ['plan-errored.json', 'plan-deferred.json']) {
      const { report } = await analyse([join(FIXTURES, f)], opts);
      const path = writePlan(`${f}-report.json`, render(report, 'json'));
      files.push({ path, report: Report.parse(JSON.parse(readFileSync(path, 'utf8'))) });
    }
    const merged = mergeReports(files, opts).report;
    expect(merged.plans[0]!.planErrors).toEqual(files[0]!.report.plans[0]!.planErrors);
    expect(merged.plans[1]!.deferredChanges).toEqual(files[1]!.report.plans[0]!.deferredChanges);
    expect(merged.plans[1]!.resources.filter((r) => r.deferred).map((r) => r.address)).toEqual(['aws_ecs_service.worker[*]']);
    expect(merged.plans[1]!.cost!.resources.find((r) => r.deferred)!.address).toBe('aws_ecs_service.worker[*]');
    expect(merged.cost!.partial).toBe(true);
    expect(merged.gate.passed).toBe(false);
    expect(merged.gate.reasons[0]).toContain('errored: true');
  });
});
