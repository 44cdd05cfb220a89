import { emptyEstimate, HOURS_PER_MONTH, qty, type CostEnv, type Estimator, type SideEstimate } from '../component.js';
import { instanceTypes } from '../../aws/facts.js';
import type { Resource } from '../../plan/model.js';
import { usd } from '../../report/format.js';

/**
 * A Karpenter NodePool (`kubernetes_manifest` of kind NodePool, karpenter.sh; EKS Auto Mode
 * NodePools are the same CRD). Its nodes come and go with the pods, so the cost is usage-based;
 * `spec.limits` (cpu, memory) bound it: Karpenter launches no node once the NodePool's nodes reach
 * a limit. The ceiling is the limit × the highest on-demand price per vCPU (or per GiB) among the
 * instance types the NodePool's requirements allow (Spot at the estimated discount when only Spot
 * is allowed), the lower of the two when both limits are set. It is shown as the maximum of the
 * line's range; the totals leave it out, as every usage-based line.
 */
export const estimateNodePool: Estimator = (r, env) => {
  const m = r.current.get('manifest');
  const name = nodePoolName(r);
  const usage = (notes: string[], extra: Partial<SideEstimate> = {}): SideEstimate =>
    emptyEstimate({ description: `NodePool ${name}: nodes launched by Karpenter as pods need them`, usageBased: true, notes, ...extra });
  if (m.state === 'unknown') return usage(['the manifest is known only after apply, so its limits are unknown']);
  if (m.state !== 'known' || m.sensitive || r.current.hasSensitive('manifest'))
    return usage(['the manifest is marked sensitive, so its limits are not shown']);
  const manifest = m.value as Record<string, unknown>;
  const spec = obj(manifest.spec);
  const limits = obj(spec?.limits);
  const cpu = quantity(limits?.cpu);
  const memGiB = quantity(limits?.memory, 1024 ** 3);
  const notes: string[] = [];
  const autoMode = obj(obj(obj(obj(spec?.template)?.spec)?.nodeClassRef))?.group === 'eks.amazonaws.com';
  if (autoMode) notes.push('an EKS Auto Mode NodePool: AWS adds a management fee per instance, not included in the ceiling');
  if (cpu === undefined && memGiB === undefined) {
    return usage([
      ...notes,
      'spec.limits sets no cpu or memory limit (or one this tool cannot read), so its compute has no ceiling: Karpenter launches nodes as long as pods need them',
    ]);
  }
  const region = clusterRegion(r, env);
  notes.push(...region.notes);
  const allowed = allowedTypes(spec, env, region.region);
  notes.push(...allowed.notes);
  if (allowed.types.length === 0)
    return usage([...notes, 'no instance type its requirements allow has a price in this region: no ceiling']);
  const factor = allowed.onDemand ? 1 : 1 - env.spotDiscountPercent / 100;
  const perVcpu = top(allowed.types, (t) => t.usd / t.vcpu);
  const perGiB = top(allowed.types, (t) => t.usd / t.memGiB);
  for (const t of [perVcpu.type, perGiB.type]) env.prices.get(region.region, `ec2/${t}/hour`);
  const byCpu = cpu === undefined ? undefined : cpu * perVcpu.value * factor * HOURS_PER_MONTH;
  const byMem = memGiB === undefined ? undefined : memGiB * perGiB.value * factor * HOURS_PER_MONTH;
  const ceiling = Math.min(byCpu ?? Infinity, byMem ?? Infinity);
  const market = allowed.onDemand ? 'on-demand' : `Spot (estimated at ${env.spotDiscountPercent}% off on-demand)`;
  if (byCpu !== undefined)
    notes.push(
      `cpu limit ${qty(cpu!)} vCPU × ${rate(perVcpu.value * factor)} per vCPU-hour (${perVcpu.type}, the highest ${market} price per vCPU among the ${allowed.types.length} allowed types) × ${HOURS_PER_MONTH} h = ${usd(byCpu)}/month`,
    );
  if (byMem !== undefined)
    notes.push(
      `memory limit ${qty(memGiB!)} GiB × ${rate(perGiB.value * factor)} per GiB-hour (${perGiB.type}, the highest ${market} price per GiB) × ${HOURS_PER_MONTH} h = ${usd(byMem)}/month`,
    );
  notes.push(
    `at most ${usd(ceiling)}/month while the limits hold (Karpenter checks them before it launches a node, so the last node can go past them)`,
  );
  return {
    ...usage(notes),
    description: `NodePool ${name}: usage-based, at most ${usd(ceiling)}/month (spec.limits)`,
    min: 0,
    max: ceiling,
  };
};

/** A unit price with 4 significant digits ($0.0424). */
function rate(n: number): string {
  return `$${Number(n.toPrecision(4))}`;
}

/**
 * A Kubernetes object has no AWS region: the NodePool's nodes run in its cluster's. The region of
 * the plan's EKS clusters when they share one, else the run's region (--region), said in a note.
 */
function clusterRegion(r: Resource, env: CostEnv): { region: string; notes: string[] } {
  const regions = new Set((env.model.byType.get('aws_eks_cluster') ?? []).filter((c) => c.regionKnown).map((c) => c.region));
  if (regions.size === 1) return { region: [...regions][0]!, notes: [] };
  const why = regions.size === 0 ? 'the plan has no EKS cluster with a known region' : 'the plan has EKS clusters in several regions';
  return { region: r.region, notes: [`priced in ${r.region}: ${why}, so the NodePool's region is the run's (--region)`] };
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function nodePoolName(r: Resource): string {
  const m = r.current.get('manifest');
  const n = m.state === 'known' && !m.sensitive ? obj(obj(m.value)?.metadata)?.name : undefined;
  return typeof n === 'string' ? JSON.stringify(n) : r.address;
}

const DECIMAL: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/**
 * A Kubernetes quantity ("1000", "500m", "1000Gi", "64G", 16) divided by `unit` (bytes per GiB for
 * memory); undefined when it is not one.
 */
export function quantity(v: unknown, unit = 1): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v / unit : undefined;
  if (typeof v !== 'string') return undefined;
  const q = /^\s*(\d+(?:\.\d+)?)(?:e(\d+))?([a-zA-Z]*)\s*$/.exec(v);
  if (!q) return undefined;
  const mult = BINARY[q[3]!] ?? DECIMAL[q[3]!];
  if (mult === undefined) return undefined;
  const n = Number(q[1]) * 10 ** Number(q[2] ?? 0) * mult;
  return Number.isFinite(n) ? n / unit : undefined;
}

interface Priced {
  type: string;
  usd: number;
  vcpu: number;
  memGiB: number;
}

function top(types: Priced[], per: (t: Priced) => number): { type: string; value: number } {
  let best = types[0]!;
  for (const t of types) if (per(t) > per(best)) best = t;
  return { type: best.type, value: per(best) };
}

/** What one requirement says about a label: allowed values (In), refused ones (NotIn), or nothing this tool reads. */
interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

const READ_KEYS = new Set([
  'node.kubernetes.io/instance-type',
  'karpenter.k8s.aws/instance-family',
  'karpenter.k8s.aws/instance-category',
  'kubernetes.io/arch',
  'karpenter.sh/capacity-type',
]);

/**
 * The instance types the NodePool's `spec.template.spec.requirements` allow, with an on-demand price
 * in the region: by type, family, category and architecture (In / NotIn / Exists /
 * DoesNotExist). Other requirements are not read, so more types stay allowed than Karpenter would
 * take, and the ceiling can only be higher, never lower.
 */
function allowedTypes(
  spec: Record<string, unknown> | undefined,
  env: CostEnv,
  regionName: string,
): { types: Priced[]; onDemand: boolean; notes: string[] } {
  const notes: string[] = [];
  const raw = obj(obj(spec?.template)?.spec)?.requirements;
  const reqs: Requirement[] = (Array.isArray(raw) ? raw : []).flatMap((x) => {
    const o = obj(x);
    if (!o || typeof o.key !== 'string' || typeof o.operator !== 'string') return [];
    const values = Array.isArray(o.values) ? o.values.filter((v): v is string => typeof v === 'string') : [];
    return [{ key: o.key, operator: o.operator, values }];
  });
  const ignored = [...new Set(reqs.filter((q) => !READ_KEYS.has(q.key)).map((q) => q.key))];
  if (ignored.length > 0)
    notes.push(
      `requirements on ${ignored.join(', ')} are not read: the ceiling takes every type the others allow, so it can only be higher`,
    );
  const allows = (key: string, value: string): boolean =>
    reqs
      .filter((q) => q.key === key)
      .every((q) =>
        q.operator === 'In'
          ? q.values.includes(value)
          : q.operator === 'NotIn'
            ? !q.values.includes(value)
            : q.operator === 'DoesNotExist'
              ? false
              : true,
      );
  // Karpenter launches on-demand capacity unless the requirements allow only Spot (its default capacity type is on-demand).
  const capacity = reqs.filter((q) => q.key === 'karpenter.sh/capacity-type');
  const onDemand = capacity.length === 0 || allows('karpenter.sh/capacity-type', 'on-demand');
  const region = env.prices;
  const out: Priced[] = [];
  let unpricedTypes = 0;
  for (const [name, t] of Object.entries(instanceTypes.types)) {
    const family = name.split('.')[0]!;
    const category = /^[a-z]+/.exec(family)?.[0] ?? family;
    if (!allows('node.kubernetes.io/instance-type', name)) continue;
    if (!allows('karpenter.k8s.aws/instance-family', family)) continue;
    if (!allows('karpenter.k8s.aws/instance-category', category)) continue;
    // A type without its architecture, vCPU or memory in the instance-type data cannot be ranked.
    if (t.arch === undefined || !t.vcpu || !t.memoryMiB) continue;
    if (t.macOS) continue;
    // Kubernetes names the architectures amd64 and arm64.
    if (!allows('kubernetes.io/arch', t.arch === 'x86_64' ? 'amd64' : t.arch)) continue;
    const p = region.get(regionName, `ec2/${name}/hour`, false);
    if (!p) {
      unpricedTypes++;
      continue;
    }
    out.push({ type: name, usd: p.usd, vcpu: t.vcpu, memGiB: t.memoryMiB / 1024 });
  }
  if (unpricedTypes > 0 && out.length > 0)
    notes.push(
      `${unpricedTypes} allowed instance type${unpricedTypes > 1 ? 's have' : ' has'} no price in ${regionName} in the price snapshot and ${unpricedTypes > 1 ? 'are' : 'is'} left out of the ceiling`,
    );
  return { types: out, onDemand, notes };
}

estimateNodePool.reads = ['aws_eks_cluster'];
