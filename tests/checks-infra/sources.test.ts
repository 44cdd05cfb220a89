import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel, type PlanModel } from '../../src/plan/model.js';
import { SourceTree } from '../../src/sources/tree.js';
import { buildPlan, type PlanSpec, type ResSpec } from '../helpers/plan.js';
import { writeTree } from './tree.js';

function model(resources: ResSpec[], spec?: PlanSpec): PlanModel {
  return buildModel(validatePlan('plan.json', JSON.parse(JSON.stringify(buildPlan(resources, spec)))));
}
const res = (address: string, after: Record<string, unknown> = { name: 'x' }): ResSpec => ({ address, after });
const known = (id: string) => ['FARGATE_CPU_MEMORY', 'AAS_DESIRED_RESET'].includes(id);

async function sourcesOf(dir: string, m: PlanModel, planPath = 'plan.json', cwd = process.cwd()) {
  const s = await new SourceTree(dir, known, cwd).forPlan(m, planPath);
  const r = (address: string) => m.byAddress.get(address)!;
  return {
    ...s,
    at: (a: string) => s.locate(r(a)),
    ic: (a: string) => s.ignoreChanges(r(a)),
    ignores: (a: string) => s.block(r(a))?.ignores,
  };
}

const ROOT_TF = [
  'resource "aws_ecs_cluster" "main" {',
  '  name = "main"',
  '}',
  '',
  'module "svc" {',
  '  source   = "./modules/svc"',
  '  for_each = toset(["a", "b"])',
  '}',
  '',
  'resource "aws_ecs_service" "workers" {',
  '  count         = 2',
  '  desired_count = 1',
  '  lifecycle {',
  '    ignore_changes = [desired_count, tags["owner"]]',
  '  }',
  '}',
].join('\n');

const SVC_TF = [
  'resource "aws_ecs_task_definition" "this" {',
  '  family = "svc"',
  '}',
  '',
  '# container-plan-check:ignore AAS_DESIRED_RESET autoscaling owns the count',
  'resource "aws_ecs_service" "this" {',
  '  lifecycle {',
  '    ignore_changes        = all',
  '    create_before_destroy = true',
  '  }',
  '}',
  '',
  'module "inner" {',
  '  source = "../inner"',
  '}',
].join('\n');

const INNER_TF = ['resource "aws_appautoscaling_target" "t" {', '  lifecycle {', '    ignore_changes = ["max_capacity"]', '  }', '}'].join(
  '\n',
);

describe('HCL sources (--tf-dir)', () => {
  const dir = writeTree({ 'main.tf': ROOT_TF, 'modules/svc/main.tf': SVC_TF, 'modules/inner/main.tf': INNER_TF });
  const m = model([
    res('aws_ecs_cluster.main'),
    res('aws_ecs_service.workers[0]'),
    res('aws_ecs_service.workers[1]'),
    res('module.svc["a"].aws_ecs_service.this'),
    res('module.svc["b"].aws_ecs_service.this'),
    res('module.svc["a"].aws_ecs_task_definition.this'),
    res('module.svc["a"].module.inner.aws_appautoscaling_target.t'),
  ]);

  it('locates blocks in the root, in local modules and nested modules; instances map to their block', async () => {
    const s = await sourcesOf(dir, m);
    expect(s.at('aws_ecs_cluster.main')).toEqual({ file: join(dir, 'main.tf'), line: 1 });
    expect(s.at('aws_ecs_service.workers[0]')).toEqual({ file: join(dir, 'main.tf'), line: 10 });
    expect(s.at('aws_ecs_service.workers[1]')).toEqual({ file: join(dir, 'main.tf'), line: 10 });
    expect(s.at('module.svc["a"].aws_ecs_service.this')).toEqual({ file: join(dir, 'modules/svc/main.tf'), line: 6 });
    expect(s.at('module.svc["b"].aws_ecs_service.this')).toEqual({ file: join(dir, 'modules/svc/main.tf'), line: 6 });
    expect(s.at('module.svc["a"].aws_ecs_task_definition.this')).toEqual({ file: join(dir, 'modules/svc/main.tf'), line: 1 });
    expect(s.at('module.svc["a"].module.inner.aws_appautoscaling_target.t')).toEqual({ file: join(dir, 'modules/inner/main.tf'), line: 1 });
    expect(s.warnings).toEqual([]);
  });

  it('reads lifecycle.ignore_changes: names, all, quoted legacy names, and none', async () => {
    const s = await sourcesOf(dir, m);
    expect(s.ic('aws_ecs_service.workers[1]')).toEqual(['desired_count', 'tags["owner"]']);
    expect(s.ic('module.svc["b"].aws_ecs_service.this')).toBe('all');
    expect(s.ic('module.svc["a"].module.inner.aws_appautoscaling_target.t')).toEqual(['max_capacity']);
    expect(s.ic('module.svc["a"].aws_ecs_task_definition.this')).toEqual([]);
  });

  it('reads the ignore comment above a block for every instance of it', async () => {
    const s = await sourcesOf(dir, m);
    const ig = [{ rule: 'AAS_DESIRED_RESET', reason: 'autoscaling owns the count', line: 5 }];
    expect(s.ignores('module.svc["a"].aws_ecs_service.this')).toEqual(ig);
    expect(s.ignores('module.svc["b"].aws_ecs_service.this')).toEqual(ig);
    expect(s.ignores('aws_ecs_cluster.main')).toEqual([]);
  });

  it('shows paths relative to the working directory when the sources are below it', async () => {
    const s = await sourcesOf(relative(join(dir, '..'), dir), m, 'plan.json', join(dir, '..'));
    expect(s.at('module.svc["a"].aws_ecs_service.this')).toEqual({
      file: `${relative(join(dir, '..'), dir)}/modules/svc/main.tf`,
      line: 6,
    });
  });

  it('follows module calls known only from the plan, and the .tf source over a remote one in the plan', async () => {
    const ws = writeTree({
      'stack/main.tf': 'module "only_in_plan_source" {\n  source = var.where\n}\nmodule "moved" {\n  source = "../shared/moved"\n}\n',
      'stack/modules/only_in_plan_source/ecs.tf': '\nresource "aws_ecs_cluster" "c" {}\n',
      'shared/moved/ecs.tf': 'resource "aws_ecs_cluster" "m" {}\n',
    });
    const d = join(ws, 'stack');
    const pm = model([res('module.only_in_plan_source.aws_ecs_cluster.c'), res('module.moved.aws_ecs_cluster.m')], {
      moduleCalls: { 'module.moved': { source: 'app.terraform.io/acme/moved/aws' } },
    });
    const s = await sourcesOf(d, pm);
    expect(s.at('module.only_in_plan_source.aws_ecs_cluster.c')).toEqual({ file: join(d, 'modules/only_in_plan_source/ecs.tf'), line: 2 });
    expect(s.at('module.moved.aws_ecs_cluster.m')).toEqual({ file: join(ws, 'shared/moved/ecs.tf'), line: 1 });
  });

  it('HCL that does not parse is a warning naming the file; its blocks are still located, other files still read', async () => {
    const d = writeTree({
      'broken.tf': 'resource "aws_ecs_service" "b" {\n  desired_count = 1\n  lifecycle {\n    ignore_changes = [desired_count,,]\n  }\n}\n',
      'ok.tf': 'resource "aws_ecs_service" "ok" {\n  lifecycle {\n    ignore_changes = [desired_count]\n  }\n}\n',
      // Only the lifecycle blocks of the analysed types are parsed; this file never is.
      'network.tf': 'resource "aws_subnet" "s" {\n  cidr_block = \n  lifecycle { ignore_changes = [[[ }\n}\n',
    });
    // A Fargate profile in the plan makes its subnets context the model keeps.
    const pm = model([res('aws_ecs_service.b'), res('aws_ecs_service.ok'), res('aws_subnet.s'), res('aws_eks_fargate_profile.p')]);
    const s = await sourcesOf(d, pm);
    expect(s.warnings).toEqual([
      `${join(d, 'broken.tf')}:3: the lifecycle block of aws_ecs_service.b could not be parsed as HCL; its ignore_changes was not read`,
    ]);
    expect(s.at('aws_ecs_service.b')).toEqual({ file: join(d, 'broken.tf'), line: 1 });
    expect(s.ic('aws_ecs_service.b')).toBeUndefined();
    expect(s.ic('aws_ecs_service.ok')).toEqual(['desired_count']);
    expect(s.at('aws_subnet.s')).toEqual({ file: join(d, 'network.tf'), line: 1 });
    expect(s.ic('aws_subnet.s')).toBeUndefined();
  });

  it('override files may set the lifecycle of a block declared elsewhere, not move it', async () => {
    const d = writeTree({
      'main.tf': 'resource "aws_ecs_service" "api" {\n  name = "api"\n}\n',
      'a_override.tf': '\n\nresource "aws_ecs_service" "api" {\n  lifecycle {\n    ignore_changes = [desired_count]\n  }\n}\n',
    });
    const s = await sourcesOf(d, model([res('aws_ecs_service.api')]));
    expect(s.at('aws_ecs_service.api')).toEqual({ file: join(d, 'main.tf'), line: 1 });
    expect(s.ic('aws_ecs_service.api')).toEqual(['desired_count']);
  });

  it('inline ignores without a reason or with an unknown rule are warnings and do not suppress', async () => {
    const d = writeTree({
      'main.tf': [
        '# container-plan-check:ignore FARGATE_CPU_MEMORY',
        '# container-plan-check:ignore FARGATE_CPU_MEMROY typo in the ID',
        'resource "aws_ecs_task_definition" "t" {}',
      ].join('\n'),
    });
    const s = await sourcesOf(d, model([res('aws_ecs_task_definition.t')]));
    expect(s.ignores('aws_ecs_task_definition.t')).toEqual([]);
    expect(s.warnings).toEqual([
      `${join(d, 'main.tf')}:1: container-plan-check:ignore FARGATE_CPU_MEMORY needs a reason; the finding is not suppressed`,
      `${join(d, 'main.tf')}:2: container-plan-check:ignore names an unknown rule ID "FARGATE_CPU_MEMROY"`,
    ]);
  });

  it('finds the root module below a workspace; between equal stacks, the one holding the plan', async () => {
    const stack = 'resource "aws_ecs_cluster" "main" {}\nresource "aws_ecs_service" "api" {}\n';
    const ws = writeTree({
      'infra/prod/main.tf': stack,
      'infra/staging/main.tf': stack,
      'infra/other/main.tf': 'resource "aws_ecs_cluster" "main" {}\n',
      'README.md': '',
    });
    const pm = model([res('aws_ecs_cluster.main'), res('aws_ecs_service.api')]);
    const prod = await sourcesOf(ws, pm, join(ws, 'infra/prod/plan.json'));
    expect(prod.at('aws_ecs_service.api')).toEqual({ file: join(ws, 'infra/prod/main.tf'), line: 2 });
    const unsure = await sourcesOf(ws, pm, join(ws, 'plans/plan.json'));
    expect(unsure.at('aws_ecs_service.api')).toBeUndefined();
    expect(unsure.warnings).toEqual([
      `the Terraform sources of this plan could be in ${join(ws, 'infra/prod')} or ${join(ws, 'infra/staging')}; pass --tf-dir to choose`,
    ]);
  });
});
