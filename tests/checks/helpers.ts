import { runChecks } from '../../src/checks/run.js';
import type { Rule } from '../../src/checks/types.js';
import type { AnalysisContext, EngineOptions } from '../../src/context.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel, dropUnlinked } from '../../src/plan/model.js';
import type { Finding } from '../../src/report/schema.js';
import { buildPlan, type PlanSpec, type ResSpec } from '../helpers/plan.js';

export interface CheckOptions extends Partial<EngineOptions> {
  spec?: PlanSpec;
  ignoreChanges?: Record<string, string[] | 'all'>;
}

/** Builds a real-format plan from resource specs, runs the given rules, and returns their findings. */
export function check(rules: Rule | Rule[], resources: ResSpec[], opts: CheckOptions = {}): Finding[] {
  const plan = validatePlan('test.json', JSON.parse(JSON.stringify(buildPlan(resources, opts.spec))));
  const model = buildModel(plan);
  const graph = buildGraph(model);
  // As the engine does: context resources nothing links to are dropped before the checks run.
  dropUnlinked(model, (r) => graph.linked(r));
  const ctx: AnalysisContext = {
    model,
    graph,
    options: { asOf: opts.asOf ?? '2026-11-22', failOn: 'error', ...opts },
    config: {},
    locate: () => undefined,
    ignoreChanges: (r) => opts.ignoreChanges?.[r.address],
  };
  return runChecks(ctx, { rules: Array.isArray(rules) ? rules : [rules] });
}
