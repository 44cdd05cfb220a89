import type { AnalysisContext } from '../../../engine/context.js';
import { instanceType } from '../../../aws/facts.js';
import { CONTROL_PLANE, eksControlPlaneHourly, EXTENDED_SUPPORT, HOURS_PER_MONTH, type PriceLookup } from '../../../aws/price-terms.js';
import { eksAmiTypes, type AmiType } from '../../../aws/facts-eks.js';
import { SENSITIVE_REGION, UNKNOWN_REGION, type Resource } from '../../../plan/model.js';
import type { Lookup } from '../../../plan/values.js';
import type { Attributes, Known } from '../../../plan/read.js';
import { show } from '../../show.js';

/** Helpers shared by the EKS cluster, node group and add-on rules. */

export interface KubeVersion {
  major: number;
  minor: number;
}

/** `1.29` (or `1.29.3`, `v1.29.3-eksbuild.2`) → { major: 1, minor: 29 }. */
export function kubeVersion(s: string): KubeVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:[.-]|$)/.exec(s.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Minor versions from `a` to `b` (positive when b is newer). */
export const minorsBetween = (a: KubeVersion, b: KubeVersion): number => (b.major - a.major) * 1000 + (b.minor - a.minor);

export const versionText = (v: KubeVersion): string => `${v.major}.${v.minor}`;

/** A known, non-empty string at path, with its lookup (for `show()`). */
export function knownString(values: Attributes, path: string): { value: string; lookup: Known<string> } | undefined {
  const l = values.str(path);
  return l.state === 'known' && l.value !== '' ? { value: l.value, lookup: l } : undefined;
}

/** A known Kubernetes version at path (`version` of a cluster or node group). */
export function knownVersion(values: Attributes, path = 'version'): { version: KubeVersion; lookup: Lookup<string> } | undefined {
  const s = knownString(values, path);
  const version = s && kubeVersion(s.value);
  return s && version ? { version, lookup: s.lookup } : undefined;
}

/** The EKS cluster a node group or add-on belongs to (by value or configuration reference). */
export const clusterOf = (r: Resource, ctx: AnalysisContext): Resource | undefined => ctx.graph.one(r, 'cluster');

/** The Kubernetes version a node group runs after the plan: its own `version`, else its cluster's. */
export function nodeGroupVersion(ng: Resource, ctx: AnalysisContext): { version: KubeVersion; lookup: Lookup<string> } | undefined {
  const own = knownVersion(ng.current);
  if (own) return own;
  if (ng.current.get('version').state === 'unknown' && ng.action !== 'create') return undefined;
  const cluster = clusterOf(ng, ctx);
  return cluster ? knownVersion(cluster.current) : undefined;
}

/** The launch template a node group uses, when it sets `launch_template` and the link resolves. */
export function launchTemplateOf(ng: Resource, ctx: AnalysisContext): Resource | undefined {
  const l = ng.current.list('launch_template');
  if (l.state !== 'known' || l.value.length === 0) return undefined;
  return ctx.graph.one(ng, 'launch-template');
}

export interface InstanceTypeRef {
  name: string;
  lookup: Lookup<string>;
  /** Where the type is set, relative to `resource`. */
  path: string;
  resource: Resource;
}

/**
 * The instance types a node group launches: its `instance_types`, or the launch template's
 * `instance_type` when the node group sets none. Undefined when they cannot be known at plan
 * time (unknown list, unresolved launch template, or neither set: EKS then picks its default).
 */
export function nodeGroupInstanceTypes(
  ng: Resource,
  ctx: AnalysisContext,
): { from: 'node-group' | 'launch-template'; types: InstanceTypeRef[] } | undefined {
  const l = ng.current.list('instance_types');
  if (l.state === 'unknown') return undefined;
  if (l.state === 'known' && l.value.length > 0) {
    const types: InstanceTypeRef[] = [];
    l.value.forEach((_, i) => {
      const path = `instance_types[${i}]`;
      const s = knownString(ng.current, path);
      if (s) types.push({ name: s.value, lookup: s.lookup, path, resource: ng });
    });
    return { from: 'node-group', types };
  }
  const lt = launchTemplateOf(ng, ctx);
  const s = lt && knownString(lt.current, 'instance_type');
  return lt && s
    ? { from: 'launch-template', types: [{ name: s.value, lookup: s.lookup, path: 'instance_type', resource: lt }] }
    : undefined;
}

/** `"t4g.small"`, or `"t4g.small" (instance_type of aws_launch_template.x)` when set in the launch template. */
export function instanceTypeLabel(t: InstanceTypeRef): string {
  return t.resource.type === 'aws_launch_template' ? `${show(t.lookup)} (instance_type of ${t.resource.address})` : show(t.lookup);
}

export type Accelerator = 'nvidia' | 'neuron' | 'other-gpu';

/** The accelerator an instance type carries, from the shipped instance-type facts. */
export function instanceAccelerator(name: string): Accelerator | null | undefined {
  const it = instanceType(name);
  if (!it) return undefined;
  if (it.gpu?.manufacturer === 'nvidia') return 'nvidia';
  if (it.accelerator?.kind === 'inferentia' || it.accelerator?.kind === 'trainium') return 'neuron';
  if (it.gpu) return 'other-gpu';
  return null;
}

export { daysBetween } from '../../../aws/price-terms.js';

const usd = (n: number): string => `$${n.toFixed(2)}`;

/**
 * `$0.60/hr instead of $0.10/hr (+$0.50/hr, about +$365/month)` in the cluster's region, from the
 * price snapshot the estimators use; `extended-support rates` when the region has no price.
 */
export function extendedSupportCost(region: string, book: PriceLookup | undefined): string {
  if (region === UNKNOWN_REGION) return "extended-support rates (the cluster's region is known only after apply)";
  if (region === SENSITIVE_REGION) return 'extended-support rates';
  const p = book && eksControlPlaneHourly(region, book);
  if (!p) return `extended-support rates (no EKS price for ${region} in the price snapshot)`;
  return hourlyText(p.standard, p.extended);
}

function hourlyText(standard: number, extended: number): string {
  const extra = extended - standard;
  return `${usd(extended)}/hr instead of ${usd(standard)}/hr (+${usd(extra)}/hr, about +$${Math.round(extra * HOURS_PER_MONTH)}/month)`;
}

/**
 * What the cluster costs in extended support, as the cost section priced it (the unit prices of
 * its control-plane and extended-support components, live prices included) when it did, else from
 * the run's prices.
 */
export function clusterExtendedSupportCost(cluster: Resource, ctx: Pick<AnalysisContext, 'costOf' | 'prices'>): string {
  const components = ctx.costOf?.(cluster.address)?.components ?? [];
  const standard = components.find((k) => k.name === CONTROL_PLANE)?.unitPrice;
  const extra = components.find((k) => k.name === EXTENDED_SUPPORT)?.unitPrice;
  if (typeof standard === 'number' && typeof extra === 'number') return hourlyText(standard, standard + extra);
  return extendedSupportCost(cluster.region, ctx.prices);
}

/**
 * What the cluster costs a month in standard support, as the cost section priced it, else from
 * the run's prices; undefined when neither has a figure.
 */
export function clusterStandardMonthly(cluster: Resource, ctx: Pick<AnalysisContext, 'costOf' | 'prices'>): number | undefined {
  const priced = ctx.costOf?.(cluster.address)?.components.find((k) => k.name === CONTROL_PLANE)?.monthly;
  if (typeof priced === 'number') return priced;
  if (cluster.region === UNKNOWN_REGION || cluster.region === SENSITIVE_REGION) return undefined;
  const p = ctx.prices && eksControlPlaneHourly(cluster.region, ctx.prices);
  return p ? p.standard * HOURS_PER_MONTH : undefined;
}

/** AMI types of the same family as `ami` that satisfy `want`, e.g. the arm64 counterpart. */
export function amiAlternatives(ami: AmiType, want: (t: AmiType) => boolean): string[] {
  return Object.entries(eksAmiTypes.types)
    .filter(([, t]) => t.family === ami.family && want(t))
    .map(([name]) => name);
}

/** `A`, `A or B`, `A, B or C`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `v1.19.0-eksbuild.1` → [1, 19, 0, 1]: an EKS add-on build, for ordering; undefined when not of that form. */
export function addonBuild(s: string): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-eksbuild\.(\d+))?$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0)] : undefined;
}

/** Negative when build a is older than b, 0 when equal, positive when newer. */
export function compareBuilds(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
