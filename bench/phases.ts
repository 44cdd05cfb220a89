/**
 * Where the memory goes: the live heap after each phase of one plan's analysis, with the garbage
 * collected first (so each figure is what that phase keeps, not what it allocated).
 *
 *   node --expose-gc --import tsx bench/phases.ts PLAN.json
 *
 * Every result is kept to the end, as in a real run. Huge plans are read as the CLI reads them.
 */
import { loadPlan } from '../src/plan/load.js';
import { buildGraph } from '../src/plan/graph.js';
import { buildModel, dropUnlinked } from '../src/plan/model.js';
import { TYPE_TABLES } from '../src/engine/reads.js';
import { runChecks } from '../src/checks/run.js';
import { estimateCosts } from '../src/cost/index.js';
import type { AnalysisContext } from '../src/engine/context.js';
import { NO_SOURCES } from '../src/sources/tree.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc --import tsx bench/phases.ts PLAN.json');
  process.exit(2);
}
const file = process.argv[2];
if (!file) {
  console.error('usage: node --expose-gc --import tsx bench/phases.ts PLAN.json');
  process.exit(2);
}

let last = 0;
function phase(name: string): void {
  gc!();
  gc!();
  const { heapUsed, rss } = process.memoryUsage();
  const mib = heapUsed / 2 ** 20;
  console.log(
    `${name.padEnd(26)} live heap ${mib.toFixed(0).padStart(5)} MiB  (${last ? `${mib - last >= 0 ? '+' : ''}${(mib - last).toFixed(0)}` : '  '})  rss ${(rss / 2 ** 20).toFixed(0)} MiB`,
  );
  last = mib;
}

const keep: unknown[] = [];
phase('start');
let plan: Awaited<ReturnType<typeof loadPlan>> | undefined = await loadPlan(file);
phase(`load (${plan.resource_changes.length} changes kept)`);
const model = buildModel(plan, { types: TYPE_TABLES });
// eslint-disable-next-line no-useless-assignment -- dropping the reference lets the plan be collected before the next phase is measured
plan = undefined;
phase('model (the plan let go)');
const graph = buildGraph(model);
phase('graph');
const dropped = dropUnlinked(model, (r) => graph.linked(r), TYPE_TABLES);
phase(`unlinked dropped (${dropped})`);
const rows = model.resources
  .filter((r) => TYPE_TABLES.isAnalysed(r.type))
  .map((r) => ({ address: r.address, type: r.type, action: r.action, region: r.region }));
keep.push(rows);
phase(`report rows (${rows.length})`);
const ctx: AnalysisContext = {
  model,
  graph,
  options: { asOf: '2026-11-22', failOn: 'never' },
  settings: {},
  locate: NO_SOURCES.locate,
  ignoreChanges: NO_SOURCES.ignoreChanges,
};
const findings = runChecks(ctx);
keep.push(findings);
phase(`checks (${findings.length} findings)`);
const cost = estimateCosts(ctx);
keep.push(cost);
phase(`cost (${cost?.resources.length ?? 0} resources)`);
console.log(`${model.resources.length} resources kept: ${[...model.byType].map(([t, l]) => `${t} ${l.length}`).join(', ')}`);
