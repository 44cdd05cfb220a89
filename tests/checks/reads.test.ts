import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checks/registry.js';
import type { Rule } from '../../src/checks/types.js';
import type { AnalysisContext } from '../../src/engine/context.js';
import { ESTIMATORS, estimateCosts } from '../../src/cost/index.js';
import { UNREAD_ATTRIBUTES } from '../../src/plan/compact.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel, parseRead, TypeTables } from '../../src/plan/model.js';
import { ANALYSED_TYPES, readers, TYPE_TABLES } from '../../src/engine/reads.js';
import { recordedEstimators } from '../cost/helpers.js';
import { buildPlan } from '../helpers/plan.js';
import { FIXTURES } from '../helpers/paths.js';
import { newLog, recordingGraph, recordingModel, undeclaredReads } from '../helpers/reads.js';
import { runRecorded } from './helpers.js';
import { fixtureContext, testContext } from '../helpers/context.js';

const context = fixtureContext;

describe('checks and estimators declare what they read', () => {
  it('every check and estimator has a declaration, each entry in one of the three forms', () => {
    const problems: string[] = [];
    for (const r of readers()) {
      if (r.reads === undefined) {
        problems.push(`${r.name} declares nothing: add \`reads: [...]\` (the types it reads besides ${r.types.join(', ')}; [] when none)`);
        continue;
      }
      for (const d of r.reads) {
        const read = parseRead(d);
        if (!read) problems.push(`${r.name}: '${d}' is not a type, '<type> linked' or '<type>.<attribute>'`);
        else if (read.attribute && !(UNREAD_ATTRIBUTES as readonly string[]).includes(read.attribute))
          problems.push(`${r.name}: '${d}': only attributes loading drops are declared (${UNREAD_ATTRIBUTES.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });

  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'plan-errored.json');

  it.each(fixtures)('no check reads a type it does not declare (%s)', async (f) => {
    const ctx = await context(join(FIXTURES, f));
    const undeclared: string[] = [];
    runRecorded(ctx, RULES, undeclared);
    expect(undeclared).toEqual([]);
  });

  it.each(fixtures)('no estimator reads a type it does not declare (%s)', async (f) => {
    const ctx = await context(join(FIXTURES, f));
    const undeclared: string[] = [];
    estimateCosts(ctx, undefined, recordedEstimators(undeclared));
    expect(undeclared).toEqual([]);
  });

  it('a check that reads a type it does not declare is caught, by type or through the graph', () => {
    const plan = validatePlan(
      't.json',
      JSON.parse(
        JSON.stringify(
          buildPlan([
            { address: 'aws_eks_fargate_profile.p', after: { cluster_name: 'c', pod_execution_role_arn: 'arn:aws:iam::1:role/r' } },
            { address: 'aws_iam_role.r', after: { name: 'r', arn: 'arn:aws:iam::1:role/r' } },
          ]),
        ),
      ),
    );
    const model = buildModel(plan, { types: TYPE_TABLES });
    const graph = buildGraph(model);
    const ctx: AnalysisContext = testContext(model, graph);
    const byType: Rule = {
      id: 'X',
      severity: 'info',
      title: 'x',
      types: ['aws_eks_fargate_profile'],
      reads: [],
      check: (_r, c) => (c.model.byType.get('aws_iam_role') ?? []).map(() => ({ message: 'm' })),
    };
    const viaGraph: Rule = { ...byType, check: (r, c) => c.graph.out(r, 'iam-role').map(() => ({ message: 'm' })) };
    expect(() => runRecorded(ctx, [byType])).toThrow('rule X reads aws_iam_role but does not declare it in `reads`');
    expect(() => runRecorded(ctx, [viaGraph])).toThrow('rule X reads aws_iam_role through the graph but does not declare it');
    expect(() => runRecorded(ctx, [{ ...viaGraph, reads: ['aws_iam_role linked'] }])).not.toThrow();
    expect(() => runRecorded(ctx, [{ ...byType, reads: ['aws_iam_role linked'] }])).toThrow("declares it 'aws_iam_role linked'");
    expect(() => runRecorded(ctx, [{ ...byType, reads: ['aws_iam_role'] }])).not.toThrow();
    const log = newLog();
    byType.check(model.resources[0]!, { ...ctx, model: recordingModel(model, log), graph: recordingGraph(graph, log) });
    expect(undeclaredReads('rule X', byType.types, undefined, log)).toEqual([
      'rule X reads aws_iam_role but does not declare it in `reads` (it declares nothing: add `reads: [...]`)',
    ]);
  });
});

describe('the type tables come from the declarations', () => {
  it('the analysed types are those the checks run on and the estimators price or read', () => {
    expect([...ANALYSED_TYPES].sort()).toEqual(
      [
        'aws_appautoscaling_policy',
        'aws_appautoscaling_target',
        'aws_autoscaling_group',
        'aws_ecs_capacity_provider',
        'aws_ecs_cluster',
        'aws_ecs_cluster_capacity_providers',
        'aws_ecs_service',
        'aws_ecs_task_definition',
        'aws_ecs_task_set',
        'aws_eks_addon',
        'aws_eks_capability',
        'aws_eks_cluster',
        'aws_eks_fargate_profile',
        'aws_eks_node_group',
        'aws_launch_configuration',
        'aws_launch_template',
        'kubernetes_manifest',
      ].sort(),
    );
    for (const t of Object.keys(ESTIMATORS)) expect(TYPE_TABLES.isAnalysed(t)).toBe(true);
  });

  it('a new reader adds its types: checked and priced types always, read types when a reader of them is in the plan', () => {
    const t = new TypeTables([
      { name: 'rule A', types: ['aws_new_thing'], reads: ['aws_iam_role', 'aws_lb_target_group linked', 'aws_new_thing.tags'] },
      { name: 'estimator of aws_priced', types: ['aws_priced'], reads: ['aws_part'], priced: true },
    ]);
    expect(t.analysed).toEqual(['aws_new_thing', 'aws_priced', 'aws_part']);
    expect(t.isModelled('aws_iam_role')).toBe(true);
    expect(t.isModelled('aws_s3_bucket')).toBe(false);
    expect(t.modelledFor(new Set(['aws_iam_role']))('aws_iam_role')).toBe(false);
    expect(t.modelledFor(new Set(['aws_new_thing']))('aws_iam_role')).toBe(true);
    expect(t.modelledFor(new Set())('aws_priced')).toBe(true);
    expect([...t.linkedOnly]).toEqual(['aws_lb_target_group']);
    expect(t.keptAttributes('aws_new_thing')).toEqual(['tags']);
    expect(t.keptAttributes('aws_priced')).toEqual([]);
  });

  it("the tool's own tables: context types follow their readers", () => {
    expect(TYPE_TABLES.modelledFor(new Set(['aws_iam_role']))('aws_iam_role')).toBe(false);
    expect(TYPE_TABLES.modelledFor(new Set(['aws_eks_fargate_profile']))('aws_iam_role')).toBe(true);
    expect(TYPE_TABLES.modelledFor(new Set(['aws_ecs_service']))('aws_lb_target_group')).toBe(true);
    // A launch template's AMI source (data.aws_ami, aws_ami, aws_ami_copy, data.aws_ssm_parameter) is read through its edges.
    expect(TYPE_TABLES.modelledFor(new Set(['aws_autoscaling_group']))('aws_ami')).toBe(true);
    expect(TYPE_TABLES.modelledFor(new Set(['aws_eks_node_group']))('aws_ssm_parameter')).toBe(true);
    expect(TYPE_TABLES.modelledFor(new Set(['aws_ecs_cluster']))('aws_ami')).toBe(false);
    expect([...TYPE_TABLES.linkedOnly].sort()).toEqual([
      'aws_alb_target_group',
      'aws_ami',
      'aws_ami_copy',
      'aws_lb_target_group',
      'aws_ssm_parameter',
    ]);
    for (const t of ['kubernetes_deployment', 'kubernetes_pod_v1']) expect(TYPE_TABLES.isModelled(t)).toBe(true);
  });
});
