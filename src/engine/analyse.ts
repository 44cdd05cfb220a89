import { stat } from 'node:fs/promises';
import { phaseCollector } from './memory.js';
import { buildGraph } from '../plan/graph.js';
import { loadPlan } from '../plan/load.js';
import { buildModel, dropUnlinked, UNKNOWN_REGION, type PlanModel, type Resource } from '../plan/model.js';
import { TYPE_TABLES } from './reads.js';
import { InputError, oneLine } from '../plan/errors.js';
import type { AnalysisContext, EngineOptions } from './context.js';
import type { PlanCost, PlanReport, Report, ReportResource } from '../report/schema.js';
import { planStatus } from '../plan/status.js';
import { runChecks } from '../checks/run.js';
import { estimateCostsLive, runPriceBook } from '../cost/index.js';
import { LivePrices } from '../cost/live.js';
import { embeddedSnapshot, type PriceBook } from '../cost/prices.js';
import { computeGate } from './gate.js';
import { totalCost } from '../cost/total.js';
import { SCHEMA_VERSION, VERSION } from './version.js';
import { loadSettings } from '../load/settings-file.js';
import type { Settings } from '../load/settings.js';
import { ruleById } from '../checks/registry.js';
import { NO_SOURCES, SourceTree, type PlanSources } from '../sources/tree.js';

export interface AnalysisResult {
  report: Report;
  /** Sensitive strings of every plan read: no rendered output may contain one. */
  sensitiveStrings: Set<string>;
  /** Some input could not be read (exit code 2). */
  inputError: boolean;
}

/** Thresholds the tests and the benchmark may lower; the defaults are in src/data/limits.json. */
export interface AnalysisTuning {
  /** Plans of at least this many bytes get a full garbage collection between phases. */
  collectThresholdBytes?: number;
}

/**
 * The one engine behind the CLI and the action: load → model → graph → checks and cost →
 * report. A plan that cannot be read is reported with its error and does not stop the others.
 */
export async function analyse(paths: readonly string[], options: EngineOptions, tuning: AnalysisTuning = {}): Promise<AnalysisResult> {
  const sensitiveStrings = new Set<string>();
  const { settings } = await loadSettings(options);
  const sources = options.tfDir ? await sourceTree(options.tfDir) : undefined;
  const live = new LivePrices({ mode: options.prices ?? 'auto', ...(options.priceCache ? { cacheFile: options.priceCache } : {}) });
  // Plans are analysed a few at a time, so one plan's file reading overlaps another's analysis.
  // Each plan keeps its own warnings and secrets; they are merged in input order, so the report
  // is the same as one plan at a time.
  const prices = await runPriceBook({ options, settings });
  const results = await mapPool(paths, PLAN_CONCURRENCY, async (path) => {
    const run: RunState = { options, settings, sources, live, prices, warnings: new Set(), secrets: new Set(), ...tuning };
    return { plan: await analysePlan(path, run), run };
  });
  const plans: PlanReport[] = results.map((r) => r.plan);
  const warnings = new Set<string>();
  for (const { run } of results) {
    for (const w of run.warnings) warnings.add(w);
    for (const s of run.secrets) sensitiveStrings.add(s);
  }
  // One note on the prices for the whole run (no credentials, no permission, no answer), when any plan was priced.
  if (plans.some((p) => p.cost)) {
    const said = live.report(embeddedSnapshot.snapshotDate);
    for (const w of said.warnings) warnings.add(w);
    if (said.notes.length > 0) for (const p of plans) if (p.cost) p.cost.priceNotes = said.notes;
  }
  const saved = await live.save();
  if (saved) warnings.add(saved);
  // Nothing the plan marks sensitive leaves the engine: every value is hidden where it enters a
  // message or field (show(), countText, quantitySensitive …), never by replacing text in the
  // finished report, which would rewrite the report's own words.
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'container-plan-check', version: VERSION },
    asOf: options.asOf,
    plans,
    cost: totalCost(plans),
    gate: computeGate(plans, totalCost(plans), { ...options, unpriced: options.unpriced ?? settings.cost?.unpriced }),
    ...(warnings.size > 0 ? { warnings: [...warnings] } : {}),
  };
  return { report, sensitiveStrings, inputError: plans.some((p) => p.error !== null) };
}

/** The cost of an incomplete plan: its totals cover only what this plan shows. */
function partialCost(cost: PlanCost): PlanCost {
  const note =
    'partial: the plan is incomplete (errored, complete: false or changes deferred), so these totals cover only the changes it shows; deferred changes are priced from what the plan knows of them';
  return { ...cost, partial: true, notes: [note, ...(cost.notes ?? [])] };
}

async function sourceTree(tfDir: string): Promise<SourceTree> {
  const st = await stat(tfDir).catch(() => undefined);
  if (!st?.isDirectory()) throw new InputError(tfDir, '--tf-dir is not a directory');
  return new SourceTree(tfDir, (id) => ruleById(id) !== undefined);
}

interface RunState {
  options: EngineOptions;
  settings: Settings;
  sources: SourceTree | undefined;
  /** Live prices, shared by the run's plans. */
  live: LivePrices;
  /** The run's price book (snapshot, price file, discount), shared by the checks and the estimators. */
  prices: PriceBook;
  /** Report-level warnings (a .tf file that does not parse). */
  warnings: Set<string>;
  /** Sensitive strings of the plan. */
  secrets: Set<string>;
  /** Plans of at least this many bytes get a full collection between phases (default: src/data/limits.json). */
  collectThresholdBytes?: number;
}

const PLAN_CONCURRENCY = 4;

/** Maps with at most `limit` calls in flight; results keep the input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The loaded plan is not kept: the model holds what is read of it. Loading happens in its own
 * function so that no suspended frame of the analysis holds the awaited plan (with every
 * resource change and its masks) while checks and cost run.
 */
async function loadModel(path: string, region: string | undefined): Promise<PlanModel> {
  return buildModel(await loadPlan(path), { region, types: TYPE_TABLES });
}

/** A resource as the report lists it (fields set in the report's order; optional ones only when they say something). */
function reportResource(r: Resource, sources: PlanSources): ReportResource {
  // Built up in order (a key keeps the place it is first given): `region` comes after `importing`.
  const out = { address: r.deposed ? `${r.address} (deposed ${r.deposed})` : r.address, type: r.type, action: r.action } as ReportResource;
  if (r.importing) out.importing = true;
  out.region = r.region;
  out.regionSource = r.regionSource;
  if (r.region === UNKNOWN_REGION) out.regionUnknown = true;
  if (r.deferred) out.deferred = true;
  if (r.moduleAddress) out.module = r.moduleAddress;
  const loc = sources.locate(r);
  if (loc) Object.assign(out, loc);
  return out;
}

async function analysePlan(path: string, run: RunState): Promise<PlanReport> {
  const { options, settings } = run;
  let model: PlanModel;
  // A plan's size decides whether its phases end with a full garbage collection (src/engine/memory.ts).
  const collect = phaseCollector(
    await stat(path).then(
      (s) => (s.isFile() ? s.size : 0),
      () => 0,
    ),
    run.collectThresholdBytes,
  );
  try {
    model = await loadModel(path, options.region);
  } catch (e) {
    // Whatever went wrong, the line names the plan.
    const error = e instanceof InputError ? oneLine(e) : new InputError(path, `cannot be read (${oneLine(e)})`).message;
    return { path, terraformVersion: null, formatVersion: null, error, resources: [], findings: [], cost: null };
  }
  collect();
  for (const s of model.sensitiveStrings) run.secrets.add(s);
  const graph = buildGraph(model);
  dropUnlinked(model, (r) => graph.linked(r), TYPE_TABLES);
  collect();
  const sources = run.sources ? await run.sources.forPlan(model, path) : NO_SOURCES;
  for (const w of sources.warnings) run.warnings.add(w);
  const ctx: AnalysisContext = {
    model,
    graph,
    options,
    settings,
    locate: sources.locate,
    ignoreChanges: sources.ignoreChanges,
    prices: run.prices,
  };
  const resources = model.resources
    .filter((r) => TYPE_TABLES.isAnalysed(r.type) && r.mode === 'managed')
    .map((r) => reportResource(r, sources));
  const status = planStatus(model);
  const cost = await estimateCostsLive(ctx, run.live);
  collect();
  // The checks quote the figures the cost section computed (one source for each).
  const costs = new Map((cost?.resources ?? []).map((r) => [r.address, r]));
  ctx.costOf = (address) => costs.get(address);
  const findings = runChecks(ctx, { inlineIgnores: (r) => sources.block(r)?.ignores ?? [] });
  collect();
  return {
    path,
    terraformVersion: model.plan.terraform_version ?? null,
    formatVersion: model.plan.format_version,
    error: null,
    ...(status.planErrors.length > 0 ? { planErrors: status.planErrors } : {}),
    ...(model.deferred.length > 0 ? { deferredChanges: model.deferred } : {}),
    notes: [...status.notes, ...model.notes, ...sources.warnings],
    resources,
    findings,
    cost: cost && status.partial ? partialCost(cost) : cost,
  };
}
