import { moduleInstancePath, splitAddress } from './address.js';
import { collectReferences, type ResolvedRef } from './configuration.js';
import { instancesAt } from './model.js';
import type { PlanModel, Resource } from './model.js';
import type { Path, PathStep } from './values.js';

/**
 * Links between resources, the way AWS will resolve them. Each link is found first by value
 * (ARN, name, family:revision, resource_id) and, when the value is unknown at plan time or
 * matches nothing in the plan, by the `configuration` references of the attribute, qualified
 * with the module path and followed through module variables and outputs.
 */
export type EdgeKind =
  | 'task-definition'
  | 'cluster'
  | 'capacity-provider'
  | 'cluster-capacity-providers'
  | 'autoscaling-group'
  | 'scaling-target'
  | 'service'
  | 'launch-template'
  | 'launch-configuration'
  | 'target-group'
  | 'iam-role'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway'
  /** A launch template's or launch configuration's `image_id` → the AMI source it reads (data.aws_ami, aws_ami, data.aws_ssm_parameter). */
  | 'ami'
  /** A scaling policy whose configuration refers to the scalable target (an expression or depends_on). */
  | 'depends-on';

export interface Edge {
  from: Resource;
  to: Resource;
  kind: EdgeKind;
  via: 'value' | 'reference';
  /**
   * The path of `from` that holds the link, with positions (`['load_balancer', 1, 'target_group_arn']`,
   * `['subnet_ids', 1]`); `[]` for a link by the whole configuration (`depends-on`).
   */
  path: readonly PathStep[];
}

/** A resource's edges on one side: most resources have one, held without a list. */
type Adjacent = Edge | Edge[];
const NO_EDGES: readonly Edge[] = Object.freeze([]);

export class ResourceGraph {
  readonly edges: Edge[] = [];
  private readonly outgoing = new Map<Resource, Adjacent>();
  private readonly incoming = new Map<Resource, Adjacent>();

  add(e: Edge): void {
    const a = this.outgoing.get(e.from);
    if (a !== undefined && (Array.isArray(a) ? a.some((x) => sameEdge(x, e)) : sameEdge(a, e))) return;
    this.edges.push(e);
    attach(this.outgoing, e.from, e);
    attach(this.incoming, e.to, e);
  }

  /** Resources `r` links to with this kind (each once), optionally only through one path (`['load_balancer', 1, 'target_group_arn']`). */
  out(r: Resource, kind: EdgeKind, path?: Path): Resource[] {
    const out: Resource[] = [];
    for (const e of this.listed(this.outgoing, r)) {
      if (e.kind === kind && (path === undefined || samePath(e.path, path)) && !out.includes(e.to)) out.push(e.to);
    }
    return out;
  }

  /** The single resource `r` links to, or undefined when none (or several). */
  one(r: Resource, kind: EdgeKind): Resource | undefined {
    // `out(r, kind)` when it has one element, found without building the list (a hot read). A
    // subclass that overrides `out` overrides this too (src/cost/side.ts).
    const a = this.outgoing.get(r);
    if (a === undefined) return undefined;
    if (!Array.isArray(a)) return a.kind === kind ? a.to : undefined;
    let found: Resource | undefined;
    for (const e of a) {
      if (e.kind !== kind) continue;
      if (found === undefined) found = e.to;
      else if (found !== e.to) return undefined;
    }
    return found;
  }

  /** Resources that link to `r` with this kind (each once). */
  in(r: Resource, kind: EdgeKind, fromType?: string): Resource[] {
    const out: Resource[] = [];
    for (const e of this.listed(this.incoming, r))
      if (e.kind === kind && (!fromType || e.from.type === fromType) && !out.includes(e.from)) out.push(e.from);
    return out;
  }

  /** Edges of a kind that start at `r`, with their paths. */
  edgesOf(r: Resource, kind: EdgeKind): Edge[] {
    return this.listed(this.outgoing, r).filter((e) => e.kind === kind);
  }

  edgesFrom(r: Resource): Edge[] {
    return [...this.listed(this.outgoing, r)];
  }

  /** Does any edge start or end at `r`? */
  linked(r: Resource): boolean {
    return this.outgoing.has(r) || this.incoming.has(r);
  }

  /**
   * Once every edge is added: each resource's list is copied to its exact length (a list grown
   * by push keeps room for more, and a large plan has lists for many resources).
   */
  seal(): void {
    for (const m of [this.outgoing, this.incoming]) for (const [k, a] of m) if (Array.isArray(a)) m.set(k, a.slice());
  }

  private listed(m: Map<Resource, Adjacent>, r: Resource): readonly Edge[] {
    const a = m.get(r);
    return a === undefined ? NO_EDGES : Array.isArray(a) ? a : [a];
  }
}

function sameEdge(x: Edge, e: Edge): boolean {
  return x.to === e.to && x.kind === e.kind && samePath(x.path, e.path);
}

function attach(m: Map<Resource, Adjacent>, k: Resource, e: Edge): void {
  const a = m.get(k);
  if (a === undefined) m.set(k, e);
  else if (Array.isArray(a)) a.push(e);
  else m.set(k, [a, e]);
}

/** Index of resources of some types by identifying strings (ARN, name, id …). */
class KeyIndex {
  private readonly map = new Map<string, Resource[]>();
  add(key: string | undefined, r: Resource): void {
    if (!key) return;
    const l = this.map.get(key);
    if (!l) this.map.set(key, [r]);
    // A resource's keys are added one after another, so a repeat can only be the last entry.
    else if (l[l.length - 1] !== r) l.push(r);
  }
  get(key: string): Resource[] {
    return this.map.get(key) ?? [];
  }
}

/** The value at path as `str` reads it, when known (links need the value only, not how it was read). */
function known(r: Resource, path: Path | string): string | undefined {
  const v = r.current.knownValue(path);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Last segment of an ARN resource part: `arn:…:cluster/prod` → `prod`. */
export function arnName(v: string): string {
  if (!v.startsWith('arn:')) return v;
  const res = v.split(':').slice(5).join(':');
  const slash = res.indexOf('/');
  return slash === -1 ? res : res.slice(slash + 1);
}

/** Do two paths name the same place? */
export function samePath(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

const CLUSTER_NAME = ['cluster_name'] as const;
const RESOURCE_ID = ['resource_id'] as const;
const DEPENDS_ON = ['depends_on'] as const;
const IMAGE_ID = ['image_id'] as const;
/** What a launch template's `image_id` may read its AMI from (`data.` for data sources). */
const AMI_SOURCES = ['data.aws_ami', 'aws_ami', 'aws_ami_copy', 'data.aws_ssm_parameter'];

export function buildGraph(model: PlanModel): ResourceGraph {
  const g = new ResourceGraph();
  const T = (t: string) => model.byType.get(t) ?? [];

  const idx = (types: string[], keys: (r: Resource) => (string | undefined)[]) => {
    const ki = new KeyIndex();
    for (const t of types) for (const r of T(t)) for (const k of keys(r)) ki.add(k, r);
    return ki;
  };

  /** Link `from` through the value at `path`, else through its configuration references. */
  const link = (from: Resource, path: Path, kind: EdgeKind, targetTypes: string[], byValue: (v: string) => Resource[]): Resource[] => {
    const v = known(from, path);
    if (v !== undefined) {
      const hits = byValue(v).filter((t) => t !== from);
      if (hits.length > 0) {
        const chosen = hits.length === 1 ? hits : narrow(from, hits);
        for (const to of chosen) g.add({ from, to, kind, via: 'value', path });
        if (chosen.length > 0) return chosen;
      }
    }
    const targets = resolveRefs(model, from, model.configuration.references(from.moduleConfigPath, from.resourceConfig, path), targetTypes);
    for (const to of targets) g.add({ from, to, kind, via: 'reference', path });
    return targets;
  };

  // Task definitions by ARN, family:revision and family.
  const tds = idx(['aws_ecs_task_definition'], (r) => {
    const fam = known(r, 'family');
    const rev = known(r, 'revision');
    return [known(r, 'arn'), fam && rev ? `${fam}:${rev}` : undefined, fam];
  });
  const ecsClusters = idx(['aws_ecs_cluster'], (r) => [known(r, 'name'), known(r, 'arn'), known(r, 'id')]);
  const capProviders = idx(['aws_ecs_capacity_provider'], (r) => [known(r, 'name'), known(r, 'arn')]);
  const asgs = idx(['aws_autoscaling_group'], (r) => [known(r, 'name'), known(r, 'arn'), known(r, 'id')]);
  const lts = idx(['aws_launch_template'], (r) => [known(r, 'id'), known(r, 'name'), known(r, 'arn')]);
  const lcs = idx(['aws_launch_configuration'], (r) => [known(r, 'name'), known(r, 'id'), known(r, 'arn')]);
  const eksClusters = idx(['aws_eks_cluster'], (r) => [known(r, 'name'), known(r, 'id'), known(r, 'arn')]);
  const tgs = idx(['aws_lb_target_group', 'aws_alb_target_group'], (r) => [known(r, 'arn'), known(r, 'id')]);

  const byTd = (v: string) => {
    const name = arnName(v);
    return tds.get(v).length ? tds.get(v) : tds.get(name).length ? tds.get(name) : tds.get(name.split(':')[0]!);
  };
  const byName = (ki: KeyIndex) => (v: string) => (ki.get(v).length ? ki.get(v) : ki.get(arnName(v)));

  for (const s of T('aws_ecs_service')) {
    link(s, ['task_definition'], 'task-definition', ['aws_ecs_task_definition'], byTd);
    link(s, ['cluster'], 'cluster', ['aws_ecs_cluster'], byName(ecsClusters));
    const lbs = s.current.list('load_balancer');
    const n = lbs.state === 'known' ? lbs.value.length : 0;
    for (let i = 0; i < n; i++) {
      link(s, ['load_balancer', i, 'target_group_arn'], 'target-group', ['aws_lb_target_group', 'aws_alb_target_group'], (v) => tgs.get(v));
      // The green target group of a blue/green, linear or canary deployment.
      if (s.current.get(['load_balancer', i, 'advanced_configuration', 0]).state !== 'absent') {
        const alt = ['load_balancer', i, 'advanced_configuration', 0, 'alternate_target_group_arn'];
        link(s, alt, 'target-group', ['aws_lb_target_group', 'aws_alb_target_group'], (v) => tgs.get(v));
      }
    }
  }

  // Task sets (deployment controller EXTERNAL) → their service, cluster and task definition.
  const ecsServices = idx(['aws_ecs_service'], (r) => [known(r, 'name'), known(r, 'id')]);
  for (const ts of T('aws_ecs_task_set')) {
    link(ts, ['service'], 'service', ['aws_ecs_service'], byName(ecsServices));
    link(ts, ['cluster'], 'cluster', ['aws_ecs_cluster'], byName(ecsClusters));
    link(ts, ['task_definition'], 'task-definition', ['aws_ecs_task_definition'], byTd);
  }

  for (const ccp of T('aws_ecs_cluster_capacity_providers')) {
    for (const c of link(ccp, ['cluster_name'], 'cluster', ['aws_ecs_cluster'], byName(ecsClusters))) {
      g.add({ from: c, to: ccp, kind: 'cluster-capacity-providers', via: 'value', path: CLUSTER_NAME });
    }
    linkList(ccp, 'capacity_providers', capProviders);
  }
  for (const c of T('aws_ecs_cluster')) linkList(c, 'capacity_providers', capProviders);

  function linkList(from: Resource, attr: string, ki: KeyIndex) {
    const l = from.current.list(attr);
    const names = l.state === 'known' ? l.value.filter((x): x is string => typeof x === 'string') : [];
    let linked = 0;
    for (const nme of names) {
      for (const to of ki.get(nme)) {
        g.add({ from, to, kind: 'capacity-provider', via: 'value', path: [attr] });
        linked++;
      }
    }
    if (linked === 0 || from.current.hasUnknown(attr)) {
      for (const to of resolveRefs(model, from, model.configuration.references(from.moduleConfigPath, from.resourceConfig, [attr]), [
        'aws_ecs_capacity_provider',
      ])) {
        g.add({ from, to, kind: 'capacity-provider', via: 'reference', path: [attr] });
      }
    }
  }

  for (const cp of T('aws_ecs_capacity_provider')) {
    link(cp, ['auto_scaling_group_provider', 0, 'auto_scaling_group_arn'], 'autoscaling-group', ['aws_autoscaling_group'], byName(asgs));
    // A Managed Instances provider belongs to the one cluster it names (CreateCapacityProvider `cluster`).
    if (cp.current.get('cluster').state !== 'absent') link(cp, ['cluster'], 'cluster', ['aws_ecs_cluster'], byName(ecsClusters));
  }

  // Application Auto Scaling targets → ECS services, by resource_id `service/<cluster>/<service>`.
  const services = new KeyIndex();
  for (const s of T('aws_ecs_service')) {
    const svc = known(s, 'name');
    const clusterVal = known(s, 'cluster');
    const clusterRes = g.one(s, 'cluster');
    const clusterName = clusterVal ? arnName(clusterVal) : clusterRes ? known(clusterRes, 'name') : undefined;
    if (svc && clusterName) services.add(`service/${clusterName}/${svc}`, s);
  }
  for (const t of T('aws_appautoscaling_target')) {
    const ns = known(t, 'service_namespace');
    if (ns !== undefined && ns !== 'ecs') continue;
    link(t, ['resource_id'], 'service', ['aws_ecs_service'], (v) => services.get(v));
  }
  const targets = new KeyIndex();
  for (const t of T('aws_appautoscaling_target')) {
    const id = known(t, 'resource_id');
    const dim = known(t, 'scalable_dimension');
    const ns = known(t, 'service_namespace');
    if (id && dim && ns) targets.add(`${ns}|${id}|${dim}`, t);
  }
  for (const p of T('aws_appautoscaling_policy')) {
    const id = known(p, 'resource_id');
    const dim = known(p, 'scalable_dimension');
    const ns = known(p, 'service_namespace');
    const key = id && dim && ns ? `${ns}|${id}|${dim}` : undefined;
    const hits = key ? targets.get(key) : [];
    if (hits.length > 0) {
      for (const to of hits) g.add({ from: p, to, kind: 'scaling-target', via: 'value', path: RESOURCE_ID });
    } else {
      const refs = ['resource_id', 'scalable_dimension', 'service_namespace'].flatMap((a) =>
        model.configuration.references(p.moduleConfigPath, p.resourceConfig, [a]),
      );
      for (const to of resolveRefs(model, p, refs, ['aws_appautoscaling_target'])) {
        g.add({ from: p, to, kind: 'scaling-target', via: 'reference', path: RESOURCE_ID });
      }
    }
  }

  for (const ng of T('aws_eks_node_group')) {
    link(ng, ['cluster_name'], 'cluster', ['aws_eks_cluster'], byName(eksClusters));
    linkLaunchTemplate(ng, ['launch_template', 0]);
  }
  for (const fp of T('aws_eks_fargate_profile')) link(fp, ['cluster_name'], 'cluster', ['aws_eks_cluster'], byName(eksClusters));
  for (const ad of T('aws_eks_addon')) link(ad, ['cluster_name'], 'cluster', ['aws_eks_cluster'], byName(eksClusters));

  for (const asg of T('aws_autoscaling_group')) {
    if (
      asg.current.list('launch_template').state === 'known' &&
      (asg.current.list('launch_template') as { value: unknown[] }).value.length > 0
    ) {
      linkLaunchTemplate(asg, ['launch_template', 0]);
    }
    const mip = ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0] as const;
    if (asg.current.get([...mip]).state !== 'absent') {
      const got = link(asg, [...mip, 'launch_template_id'], 'launch-template', ['aws_launch_template'], (v) => lts.get(v));
      if (got.length === 0) link(asg, [...mip, 'launch_template_name'], 'launch-template', ['aws_launch_template'], (v) => lts.get(v));
    }
    if (asg.current.get('launch_configuration').state !== 'absent') {
      link(asg, ['launch_configuration'], 'launch-configuration', ['aws_launch_configuration'], (v) => lcs.get(v));
    }
  }

  // The AMI of a launch template or launch configuration: by its ID (an AMI read into the plan), else
  // through the configuration (`data.aws_ami.x.id`, `data.aws_ssm_parameter.x.value`, via module variables).
  const amis = idx(['aws_ami', 'aws_ami_copy'], (r) => [known(r, 'id')]);
  for (const t of [...T('aws_launch_template'), ...T('aws_launch_configuration')]) {
    if (t.current.get('image_id').state === 'absent') continue;
    link(t, IMAGE_ID, 'ami', AMI_SOURCES, (v) => (v.startsWith('ami-') ? amis.get(v) : []));
  }

  // Scaling policies of Auto Scaling groups (aws_autoscaling_policy.autoscaling_group_name is the group's name).
  for (const p of T('aws_autoscaling_policy'))
    link(p, ['autoscaling_group_name'], 'autoscaling-group', ['aws_autoscaling_group'], byName(asgs));

  // A scaling policy's configuration that refers to a scalable target, so Terraform creates the target first.
  for (const p of T('aws_appautoscaling_policy')) {
    for (const to of referencedInstances(model, p, [], ['aws_appautoscaling_target']))
      g.add({ from: p, to, kind: 'depends-on', via: 'reference', path: [] });
    for (const to of dependsOnTargets(p, T('aws_appautoscaling_target')))
      g.add({ from: p, to, kind: 'depends-on', via: 'reference', path: DEPENDS_ON });
  }

  // Fargate profiles: the pod execution role, and the subnets with their route tables and gateways.
  const roles = idx(['aws_iam_role'], (r) => [known(r, 'arn'), known(r, 'name')]);
  const subnets = idx(['aws_subnet'], (r) => [known(r, 'id')]);
  const tables = idx(['aws_route_table'], (r) => [known(r, 'id')]);
  const igws = idx(['aws_internet_gateway'], (r) => [known(r, 'id')]);
  const byRole = (v: string) => (roles.get(v).length ? roles.get(v) : roles.get(v.slice(v.lastIndexOf('/') + 1)));
  for (const fp of T('aws_eks_fargate_profile')) {
    link(fp, ['pod_execution_role_arn'], 'iam-role', ['aws_iam_role'], byRole);
    linkSubnets(fp, 'subnet_ids');
  }
  for (const a of T('aws_iam_role_policy_attachment')) link(a, ['role'], 'iam-role', ['aws_iam_role'], byRole);
  for (const a of T('aws_route_table_association')) {
    link(a, ['subnet_id'], 'subnet', ['aws_subnet'], (v) => subnets.get(v));
    link(a, ['route_table_id'], 'route-table', ['aws_route_table'], (v) => tables.get(v));
  }
  for (const r of T('aws_route')) {
    link(r, ['route_table_id'], 'route-table', ['aws_route_table'], (v) => tables.get(v));
    link(r, ['gateway_id'], 'internet-gateway', ['aws_internet_gateway'], (v) => igws.get(v));
  }
  for (const t of T('aws_route_table')) {
    const routes = t.current.list('route');
    const n = routes.state === 'known' ? routes.value.length : 0;
    for (let i = 0; i < n; i++) link(t, ['route', i, 'gateway_id'], 'internet-gateway', ['aws_internet_gateway'], (v) => igws.get(v));
  }

  /** A list of subnet IDs: each known ID by position, and the subnets the configuration refers to when some are unknown. */
  function linkSubnets(from: Resource, attr: string) {
    const l = from.current.list(attr);
    const n = l.state === 'known' ? l.value.length : 0;
    for (let i = 0; i < n; i++) {
      const id = known(from, [attr, i]);
      for (const to of id !== undefined ? subnets.get(id) : []) g.add({ from, to, kind: 'subnet', via: 'value', path: [attr, i] });
    }
    if (l.state === 'unknown' || from.current.hasUnknown(attr)) {
      for (const to of referencedInstances(model, from, [attr], ['aws_subnet']))
        g.add({ from, to, kind: 'subnet', via: 'reference', path: [attr] });
    }
  }

  function linkLaunchTemplate(from: Resource, base: Path) {
    const got = link(from, [...base, 'id'], 'launch-template', ['aws_launch_template'], (v) => lts.get(v));
    if (got.length === 0) link(from, [...base, 'name'], 'launch-template', ['aws_launch_template'], (v) => lts.get(v));
  }

  g.seal();
  return g;
}

/**
 * Plan resources of `types` that the expression at `path` of `from` refers to. A reference
 * without an instance key that stands for several instances (`aws_subnet.private[*].id`) gives
 * every instance in the same module instance, unless `from`'s own index picks one.
 */
export function referencedInstances(model: PlanModel, from: Resource, path: Path, types: readonly string[]): Resource[] {
  const out: Resource[] = [];
  for (const ref of model.configuration.references(from.moduleConfigPath, from.resourceConfig, path)) {
    if (!types.includes(ref.type) || ref.mode !== 'managed') continue;
    let hits = resolveRefs(model, from, [ref], [...types]);
    if (hits.length === 0 && ref.key === undefined) {
      hits = (model.byConfigAddress.get(ref.configAddress) ?? []).filter(
        (r) =>
          r.type === ref.type &&
          r.mode === 'managed' &&
          !r.deposed &&
          r.action !== 'delete' &&
          r.action !== 'forget' &&
          (r.moduleConfigPath !== from.moduleConfigPath || r.moduleAddress === from.moduleAddress),
      );
    }
    for (const h of hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}

/** The resources among `candidates` that `from`'s depends_on names (same module instance). */
function dependsOnTargets(from: Resource, candidates: readonly Resource[]): Resource[] {
  const deps = (from.resourceConfig as { depends_on?: unknown } | undefined)?.depends_on;
  if (!Array.isArray(deps) || deps.length === 0) return [];
  const names = collectReferences({ references: deps });
  return candidates.filter((t) => {
    if (t.moduleAddress !== from.moduleAddress) return false;
    const local = t.configAddress.slice(t.moduleConfigPath ? t.moduleConfigPath.length + 1 : 0);
    return names.some((d) => d === local || d.startsWith(`${local}[`));
  });
}

/**
 * The plan instances that configuration references point to (data sources only when `types`
 * names them `data.<type>`). A reference names a configuration
 * address; with count/for_each it has many instances. Prefer the instance with the key written
 * in the reference, then instances in the same module instance as `from`, then the one with the
 * same index as `from` (the `count.index` / `each.key` pattern). Ambiguity links nothing.
 */
export function resolveRefs(model: PlanModel, from: Resource, refs: readonly ResolvedRef[], types: string[]): Resource[] {
  const out: Resource[] = [];
  for (const ref of refs) {
    // A data source is a target only when `types` names it so (`data.aws_ami`).
    if (!types.includes(ref.mode === 'data' ? `data.${ref.type}` : ref.type)) continue;
    let cands =
      sameInstanceCandidates(model, from, ref) ?? (model.byConfigAddress.get(ref.configAddress) ?? []).filter((r) => r.type === ref.type);
    cands = cands.filter((r) => r.mode === ref.mode && !r.deposed);
    if (ref.key !== undefined) cands = cands.filter((r) => r.index === ref.key);
    if (cands.length > 1) cands = sameModuleInstance(from, cands);
    if (cands.length > 1 && from.index !== undefined) {
      const same = cands.filter((c) => c.index === from.index);
      if (same.length === 1) cands = same;
    }
    if (cands.length === 1 && !out.includes(cands[0]!)) out.push(cands[0]!);
  }
  return out;
}

/**
 * When the referenced resource's module path is a prefix of `from`'s (the usual case: same
 * module, or a parent module), the instance lives under the same module instance keys: look it
 * up directly instead of scanning every instance of the configuration address.
 */
function sameInstanceCandidates(model: PlanModel, from: Resource, ref: ResolvedRef): Resource[] | undefined {
  const { modules, local } = configParts(model, ref.configAddress);
  const depth = modules.length;
  if (depth > from.modules.length) return undefined;
  for (let i = 0; i < depth; i++) if (modules[i] !== from.modules[i]!.name) return undefined;
  const prefix = depth === from.modules.length ? from.moduleAddress : moduleInstancePath(from.modules.slice(0, depth));
  return instancesAt(model, prefix ? `${prefix}.${local}` : local);
}

/** Per model (so per run): configuration addresses split by `configParts`. */
const CONFIG_PARTS = new WeakMap<PlanModel, Map<string, { modules: string[]; local: string }>>();

/** `module.a.module.b.aws_x.y` → module names [a, b] and the local address `aws_x.y` (memoised for the model's run). */
function configParts(model: PlanModel, configAddress: string): { modules: string[]; local: string } {
  let memo = CONFIG_PARTS.get(model);
  if (!memo) CONFIG_PARTS.set(model, (memo = new Map()));
  let c = memo.get(configAddress);
  if (!c) {
    const parts = splitAddress(configAddress);
    const modules: string[] = [];
    let i = 0;
    while (parts[i] === 'module' && i + 2 < parts.length) {
      modules.push(parts[i + 1]!);
      i += 2;
    }
    c = { modules, local: parts.slice(i).join('.') };
    memo.set(configAddress, c);
  }
  return c;
}

/** Candidates whose module keys agree with `from` over their common module path. */
function sameModuleInstance(from: Resource, cands: Resource[]): Resource[] {
  const score = (c: Resource) => {
    let s = 0;
    for (let i = 0; i < Math.min(from.modules.length, c.modules.length); i++) {
      if (from.modules[i]!.name !== c.modules[i]!.name) break;
      if (from.modules[i]!.key !== c.modules[i]!.key) return -1;
      s++;
    }
    return s;
  };
  const scored = cands.map((c) => ({ c, s: score(c) })).filter((x) => x.s >= 0);
  const best = Math.max(-1, ...scored.map((x) => x.s));
  return scored.filter((x) => x.s === best).map((x) => x.c);
}

/** Several value hits: keep those in the same module instance as `from`. */
function narrow(from: Resource, hits: Resource[]): Resource[] {
  const n = sameModuleInstance(from, hits);
  return n.length === 1 ? n : [];
}
