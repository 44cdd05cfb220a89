import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildGraph } from '../src/plan/graph.js';
import { loadPlan } from '../src/plan/load.js';
import { buildModel } from '../src/plan/model.js';
import { TYPE_TABLES } from '../src/engine/reads.js';

/**
 * Measures one plan file in a fresh process, so peak RSS belongs to this run alone.
 * `parse` mode: bare readFileSync + JSON.parse. `analyse` mode: load (read, parse, validate),
 * model and graph; `whole` and `stream` force the whole-file or the streaming loader. Prints one JSON line.
 */
const [mode, file] = process.argv.slice(2);
const t0 = performance.now();
let resources: number;
if (mode === 'parse') {
  const doc = JSON.parse(readFileSync(file!, 'utf8')) as { resource_changes: unknown[] };
  resources = doc.resource_changes.length;
} else {
  // analyse: the loader picks whole-file or streaming by size; stream / whole force one.
  const threshold = mode === 'stream' ? 0 : mode === 'whole' ? Infinity : undefined;
  const plan = await loadPlan(file!, { streamThresholdBytes: threshold });
  const model = buildModel(plan, { types: TYPE_TABLES });
  const graph = buildGraph(model);
  resources = plan.resource_changes.length;
  if (graph.edges.length === 0) throw new Error('no edges: the benchmark plan is not linked');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, resources, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
