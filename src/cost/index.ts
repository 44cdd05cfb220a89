import { dirname, resolve } from 'node:path';
import { emptyEstimate, type CostEnv, type Estimator, type SideEstimate } from './component.js';
import { priceBook, type PriceBook } from './prices.js';
import type { LivePrices } from './live.js';
import { estimateAutoscalingGroup } from './resources/aws_autoscaling_group.js';
import { estimateEcsService } from './resources/aws_ecs_service.js';
import { estimateEksCapability } from './resources/aws_eks_capability.js';
import { estimateEksCluster } from './resources/aws_eks_cluster.js';
import { estimateEksFargateProfile } from './resources/aws_eks_fargate_profile.js';
import { estimateEksNodeGroup } from './resources/aws_eks_node_group.js';
import { estimateNodePool } from './resources/kubernetes_manifest.js';
import { PlanSide } from './side.js';
import type { AnalysisContext } from '../engine/context.js';
import { UNKNOWN_REGION, type Resource } from '../plan/model.js';
import type { CostComponent, PlanCost, ResourceCost, Unpriced } from '../report/schema.js';
import { ReportTexts } from '../report/settle.js';
import { oneLine } from '../plan/errors.js';

/** One estimator per priced resource type. Other types cost nothing themselves (task definitions, launch templates) or are priced through these. */
export const ESTIMATORS: Record<string, Estimator> = {
  aws_ecs_service: estimateEcsService,
  aws_eks_cluster: estimateEksCluster,
  aws_eks_node_group: estimateEksNodeGroup,
  aws_eks_fargate_profile: estimateEksFargateProfile,
  aws_eks_capability: estimateEksCapability,
  aws_autoscaling_group: estimateAutoscalingGroup,
  kubernetes_manifest: estimateNodePool,
};

/**
 * Monthly cost before and after the plan, per resource and in total. create: 0 → after;
 * delete: before → 0; update and replace: before → after, each side read from the plan's
 * before/after values of the resource and of the resources linked to it. Null is unknown, never 0.
 */
export function estimateCosts(
  ctx: AnalysisContext,
  book?: PriceBook,
  estimators: Readonly<Record<string, Estimator>> = ESTIMATORS,
): PlanCost | null {
  const cfg = ctx.settings.cost ?? {};
  const prices = book ?? ctx.prices ?? snapshotBook(ctx);
  const priceOrigins = new Set<string>();
  const sides = { before: new PlanSide(ctx.graph, 'before'), after: new PlanSide(ctx.graph, 'after') };
  // Services of one size and count have the same component names, description and advice: one string each.
  const texts = new ReportTexts();
  const env = (side: 'before' | 'after'): CostEnv => ({
    side,
    model: ctx.model,
    graph: sides[side].graph,
    asOf: ctx.options.asOf,
    settings: cfg,
    prices,
    spotDiscountPercent: cfg.spotDiscountPercent ?? prices.defaultSpotDiscountPercent,
    priceOrigins,
  });
  const envs = { before: env('before'), after: env('after') };

  const resources: ResourceCost[] = [];
  for (const r of ctx.model.resources) {
    const estimator = estimators[r.type];
    if (!estimator || r.mode !== 'managed' || r.action === 'read') continue;
    const run = (side: 'before' | 'after'): SideEstimate | null => {
      if (!sides[side].exists(r)) return null;
      const seen = sides[side].of(r);
      if (!seen.regionKnown) return seen.region === UNKNOWN_REGION ? UNKNOWN_REGION_ESTIMATE : SENSITIVE_REGION_ESTIMATE;
      let est: SideEstimate;
      try {
        est = estimator(seen, envs[side]);
      } catch (e) {
        // As a check that throws becomes a finding, an estimator that throws becomes a note: the cost is unknown.
        est = emptyEstimate({ notes: [`its cost could not be estimated: ${oneLine(e)}`] });
      }
      return side === 'after' && r.deferred?.instancesUnknown ? perInstance(est) : est;
    };
    resources.push(texts.resourceCost(resourceCost(r, run('before'), run('after'))));
  }
  if (resources.length === 0) return null;

  const counted = resources.filter((r) => !r.usageBased);
  const sum = (pick: (r: ResourceCost) => number | null) => {
    let t = 0;
    for (const r of counted) {
      const v = pick(r);
      if (v === null) return null;
      t += v;
    }
    return t;
  };
  const usageBased = resources.filter((r) => r.usageBased).map((r) => r.address);
  const monthlyDelta = sum((r) => r.monthlyDelta);
  keepControlPlaneWhatIf(resources, monthlyDelta);
  return {
    currency: 'USD',
    monthlyBefore: sum((r) => r.monthlyBefore),
    monthlyAfter: sum((r) => r.monthlyAfter),
    monthlyDelta,
    min: sum((r) => r.min),
    max: sum((r) => r.max),
    snapshotDate: prices.snapshotDate,
    ...(priceOrigins.size > 0 ? { priceOrigins: [...priceOrigins].sort() } : {}),
    resources,
    ...(usageBased.length ? { notes: [`totals leave out usage-based resources: ${usageBased.join(', ')}`] } : {}),
  };
}

/** The share of a plan's monthly increase from which an EKS control plane weighs in the choice of EKS over ECS. */
const CONTROL_PLANE_SHARE = 0.25;

/**
 * The what-if of a new EKS cluster (an ECS cluster has no control-plane charge) is kept only where
 * it can change the decision: the control plane is at least a quarter of what the plan adds a
 * month (a small cluster, where the fixed charge weighs). Beside large node groups it is noise.
 */
function keepControlPlaneWhatIf(resources: ResourceCost[], monthlyDelta: number | null): void {
  for (const r of resources) {
    if (r.type !== 'aws_eks_cluster' || !r.advice) continue;
    const weighs =
      monthlyDelta !== null && monthlyDelta > 0 && r.monthlyAfter !== null && r.monthlyAfter >= CONTROL_PLANE_SHARE * monthlyDelta;
    if (!weighs) r.advice = undefined;
  }
}

/** The configuration's price file (resolved against the configuration file's folder), if any. */
export function priceFileOf(ctx: Pick<AnalysisContext, 'settings' | 'options'>): string | undefined {
  const file = ctx.settings.cost?.priceFile;
  return file ? resolve(ctx.options.settingsFile ? dirname(ctx.options.settingsFile) : '.', file) : undefined;
}

/**
 * The snapshot, with the configuration's price file and discount. The price file's reader (and
 * zod, which validates it) is loaded only when there is one.
 */
export async function runPriceBook(ctx: Pick<AnalysisContext, 'settings' | 'options'>): Promise<PriceBook> {
  const priceFile = priceFileOf(ctx);
  const file = priceFile ? (await import('./price-file.js')).readPriceFile(priceFile) : undefined;
  return priceBook(file, ctx.settings.cost?.edpDiscountPercent ?? 0);
}

/** The book of a context without one: the snapshot and the discount (a price file is read only by `runPriceBook`). */
function snapshotBook(ctx: Pick<AnalysisContext, 'settings' | 'options'>): PriceBook {
  if (priceFileOf(ctx)) throw new Error('a context with a price file needs its price book (runPriceBook)');
  return priceBook(undefined, ctx.settings.cost?.edpDiscountPercent ?? 0);
}

/**
 * The estimate with live prices: a first pass records the prices the plan needs (every
 * lookup the estimators make), those are read from the AWS Price List API (or the price
 * cache), and the estimate is made again with them over the snapshot. Without live prices,
 * the plain estimate.
 */
export async function estimateCostsLive(ctx: AnalysisContext, live: LivePrices | undefined): Promise<PlanCost | null> {
  if (!live?.used) return estimateCosts(ctx);
  const book = ctx.prices ?? (await runPriceBook(ctx));
  const lookups = new Set<string>();
  if (estimateCosts(ctx, book.recording(lookups)) === null) return null;
  const { live: prices, missing } = await live.resolve(lookups);
  return estimateCosts(ctx, book.withLive(prices, missing));
}

const ABSENT = emptyEstimate({ monthly: 0, min: 0, max: 0 });

/**
 * A resource whose own `region` is known only after apply: prices differ by region, so its cost
 * is unknown (never another region's price).
 */
const UNKNOWN_REGION_ESTIMATE: SideEstimate = {
  ...emptyEstimate({ monthly: null, min: null, max: null }),
  notes: [
    "the region is known only after apply (the resource's region argument is set from a value computed during apply), so its cost is unknown",
  ],
};

/** A resource whose region the plan marks sensitive: the prices of a region would give it away. */
const SENSITIVE_REGION_ESTIMATE: SideEstimate = {
  ...emptyEstimate({ monthly: null, min: null, max: null }),
  notes: ['the plan marks the region sensitive, so its cost is not shown'],
};

/**
 * A deferred change whose instance keys are not known yet (`[*]`): its components are priced
 * for one instance, and the monthly figures are unknown, since how many instances there will be is.
 */
function perInstance(est: SideEstimate): SideEstimate {
  const note =
    'deferred with its instances unknown ([*]): the components are for one instance, and how many instances there will be is known only in a later plan';
  return { ...est, monthly: null, min: null, max: null, notes: [note, ...est.notes] };
}

function resourceCost(r: Resource, beforeEst: SideEstimate | null, afterEst: SideEstimate | null): ResourceCost {
  const before = beforeEst ?? ABSENT;
  const after = afterEst ?? ABSENT;
  const shown = afterEst ?? beforeEst ?? ABSENT;
  const usageBased = Boolean(shown.usageBased);
  // The same estimate on both sides changes nothing, even when the figure itself is unknown.
  const same =
    beforeEst !== null &&
    afterEst !== null &&
    sameComponents(beforeEst.components, afterEst.components) &&
    beforeEst.monthly === afterEst.monthly;
  const delta = same ? 0 : before.monthly === null || after.monthly === null ? null : after.monthly - before.monthly;
  const changed = r.changed && r.action !== 'delete';
  // Every field in the schema's order, those not set undefined (the reports leave them out): one
  // object shape for every line, which keeps the renderers that walk them on one fast path.
  return {
    address: r.deposed ? `${r.address} (deposed ${r.deposed})` : r.address,
    type: r.type,
    action: r.action,
    description: shown.description ? shown.description : undefined,
    monthlyBefore: usageBased ? null : before.monthly,
    monthlyAfter: usageBased ? null : after.monthly,
    monthlyDelta: usageBased ? null : delta,
    // A usage-based line has no figure, but may have a ceiling (a NodePool's limits): its range is 0 to it.
    min: usageBased ? (afterEst?.max != null ? afterEst.min : null) : after.min,
    max: usageBased ? (afterEst?.max ?? null) : after.max,
    components: shown.components,
    beforeComponents: beforeEst && afterEst && !same ? beforeEst.components : undefined,
    unpriced: unpricedOf(afterEst, beforeEst),
    usageBased: usageBased ? true : undefined,
    deferred: r.deferred ? true : undefined,
    notes: notesOf(afterEst, beforeEst),
    advice: changed && afterEst?.advice.length ? afterEst.advice : undefined,
  };
}

/**
 * Whether two lists of components have the same JSON text, compared field by field rather than
 * printed (most services have both sides). Every component has its fields in one order but for
 * the sensitive mark, which may sit in two places: a component with the mark is compared as text.
 */
export function sameComponents(a: readonly CostComponent[], b: readonly CostComponent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.quantitySensitive || y.quantitySensitive) {
      if (JSON.stringify(x) !== JSON.stringify(y)) return false;
      continue;
    }
    const same =
      x.name === y.name &&
      x.unit === y.unit &&
      sameJsonNumber(x.quantity, y.quantity) &&
      sameJsonNumber(x.unitPrice, y.unitPrice) &&
      sameJsonNumber(x.monthly, y.monthly) &&
      x.priceSource === y.priceSource &&
      x.note === y.note;
    if (!same) return false;
  }
  return true;
}

/** Equal as JSON writes numbers: -0 as 0, and null, NaN and the infinities all as null. */
function sameJsonNumber(x: number | null, y: number | null): boolean {
  return x === y || ((x === null || !Number.isFinite(x)) && (y === null || !Number.isFinite(y)));
}

/** The unpriced items of both sides, after side first, each item and reason once. */
function unpricedOf(afterEst: SideEstimate | null, beforeEst: SideEstimate | null): Unpriced[] {
  const after = afterEst?.unpriced ?? [];
  const before = beforeEst?.unpriced ?? [];
  if (after.length + before.length === 0) return []; // most lines
  const seen = new Set<string>();
  return [...after, ...before].filter((u) => {
    const k = `${u.item}|${u.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The notes of both sides, each once: the after side's, then the before side's that differ (marked `before:` when both sides exist). */
function notesOf(afterEst: SideEstimate | null, beforeEst: SideEstimate | null): string[] | undefined {
  const list = afterEst ? [...afterEst.notes] : [];
  for (const n of beforeEst?.notes ?? []) if (!afterEst?.notes.includes(n)) list.push(afterEst ? `before: ${n}` : n);
  if (list.length === 0) return undefined;
  return list.length === 1 ? list : [...new Set(list)];
}
