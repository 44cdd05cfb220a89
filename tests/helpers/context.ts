import type { AnalysisContext } from '../../src/engine/context.js';
import { buildGraph, type ResourceGraph } from '../../src/plan/graph.js';
import { loadPlan } from '../../src/plan/load.js';
import { buildModel, dropUnlinked, type PlanModel } from '../../src/plan/model.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';

/** The analysis context of a test: the model and its graph, the default options, no sources. */
export function testContext(model: PlanModel, graph: ResourceGraph = buildGraph(model)): AnalysisContext {
  return {
    model,
    graph,
    options: { asOf: '2026-11-22', failOn: 'error' },
    settings: {},
    locate: () => undefined,
    ignoreChanges: () => undefined,
  };
}

/** A plan file read as the engine reads it (declared types, context nothing links to dropped), in a test context. */
export async function fixtureContext(file: string): Promise<AnalysisContext> {
  const model = buildModel(await loadPlan(file), { types: TYPE_TABLES });
  const graph = buildGraph(model);
  dropUnlinked(model, (r) => graph.linked(r), TYPE_TABLES);
  return testContext(model, graph);
}
