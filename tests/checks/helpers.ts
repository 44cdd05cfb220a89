import { runChecks } from '../../src/checks/run.js';
import type { Rule } from '../../src/checks/types.js';
import type { AnalysisContext, EngineOptions } from '../../src/engine/context.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel, dropUnlinked } from '../../src/plan/model.js';
import type { Finding } from '../../src/report/schema.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
import { priceBook } from '../../src/cost/prices.js';
import { buildPlan, type PlanSpec, type ResSpec } from '../helpers/plan.js';
import { newLog, recordingGraph, recordingModel, undeclaredReads } from '../helpers/reads.js';

export interface CheckOptions extends Partial<EngineOptions> {
  spec?: PlanSpec;
  ignoreChanges?: Record<string, string[] | 'all'>;
}

/** Builds a real-format plan from resource specs, runs the given rules, and returns their findings. */
export function check(rules: Rule | Rule[], resources: ResSpec[], opts: CheckOptions = {}): Finding[] {
  const plan = validatePlan('test.json', JSON.parse(JSON.stringify(buildPlan(resources, opts.spec))));
  const model = buildModel(plan, { types: TYPE_TABLES });
  const graph = buildGraph(model);
  // As the engine does: context resources nothing links to are dropped before the checks run.
  dropUnlinked(model, (r) => graph.linked(r), TYPE_TABLES);
  const ctx: AnalysisContext = {
    model,
    graph,
    options: { asOf: opts.asOf ?? '2026-11-22', failOn: 'error', ...opts },
    settings: {},
    locate: () => undefined,
    ignoreChanges: (r) => opts.ignoreChanges?.[r.address],
    // As the engine does: the run's prices (here the embedded snapshot).
    prices: priceBook(undefined),
  };
  return runRecorded(ctx, Array.isArray(rules) ? rules : [rules]);
}

/**
 * Runs each rule with a context that records what it reads, and throws when it reads a type it
 * does not declare in `reads` (every rule test holds its rule to its declaration), or adds the
 * lines saying so to `undeclared`.
 */
export function runRecorded(ctx: AnalysisContext, rules: readonly Rule[], undeclared?: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const log = newLog();
    findings.push(
      ...runChecks({ ...ctx, model: recordingModel(ctx.model, log), graph: recordingGraph(ctx.graph, log) }, { rules: [rule] }),
    );
    const problems = undeclaredReads(`rule ${rule.id}`, rule.types, rule.reads, log);
    if (undeclared) undeclared.push(...problems);
    else if (problems.length > 0) throw new Error(problems.join('\n'));
  }
  return findings;
}
