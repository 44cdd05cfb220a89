import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildGraph } from '../src/plan/graph.js';
import { loadPlan } from '../src/plan/load.js';
import { buildModel, dropUnlinked } from '../src/plan/model.js';
import { runChecks } from '../src/checks/run.js';
import { estimateCosts } from '../src/cost/index.js';
import { renderChunks } from '../src/report/render.js';
import { analyse } from '../src/engine/analyse.js';
import type { AnalysisContext } from '../src/engine/context.js';
import { NO_SOURCES } from '../src/sources/tree.js';
import { TYPE_TABLES } from '../src/engine/reads.js';

/**
 * Where the CLI's time goes on one plan, in a fresh process (ms, one JSON line):
 *   node --import tsx bench/cli-phases.ts PLAN.json
 * read+parse is a bare readFileSync + JSON.parse of the same file, for scale; then the phases of
 * the analysis one after another (load, model, graph, checks, cost), and the text report
 * rendered from a full `analyse` run (rendering needs the engine's report).
 */
const file = process.argv[2]!;
const ms: Record<string, number> = {};
let t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  ms[name] = Math.round(now - t);
  t = now;
};
JSON.parse(readFileSync(file, 'utf8'));
lap('bare parse');
const plan = await loadPlan(file);
lap('load');
const model = buildModel(plan, { types: TYPE_TABLES });
lap('model');
const graph = buildGraph(model);
dropUnlinked(model, (r) => graph.linked(r), TYPE_TABLES);
lap('graph');
const ctx: AnalysisContext = {
  model,
  graph,
  options: { asOf: '2026-11-22', failOn: 'never' },
  settings: {},
  locate: NO_SOURCES.locate,
  ignoreChanges: NO_SOURCES.ignoreChanges,
};
runChecks(ctx);
lap('checks');
estimateCosts(ctx);
lap('cost');
const { report } = await analyse([file], { asOf: '2026-11-22', failOn: 'never', prices: 'snapshot' });
lap('(whole analyse again)');
let bytes = 0;
for (const c of renderChunks(report, 'text')) bytes += c.length;
lap('render text');
console.log(JSON.stringify({ ms, textChars: bytes }));
