import { moduleConfigPath, moduleInstancePath, parseResourceAddress, type InstanceKey, type ModuleStep } from './address.js';
import { ConfigurationIndex } from './configuration.js';
import type { ConfigResource, Plan, PlanResourceChange } from './schema.js';
import { collectSensitiveStrings, containsTrue, PathMemo, Values, type Scratch } from './values.js';
import { Attributes } from './read.js';
import { Interner } from './compact.js';

export type Action = 'create' | 'update' | 'replace' | 'delete' | 'no-op' | 'read' | 'forget';

/**
 * One reader of the plan: a check or an estimator, with the types it runs on and what else it
 * reads (its declaration; see `Rule.reads` in src/checks/types.ts for the grammar).
 */
export interface Reader {
  name: string;
  types: readonly string[];
  reads: readonly string[] | undefined;
  /** Estimators: what they read is modelled whenever it is in the plan (it is listed in the report as analysed). */
  priced?: boolean;
}

/** One entry of a declaration: `aws_iam_role`, `aws_lb_target_group linked`, `aws_ecs_service.tags`. */
export interface Read {
  type: string;
  /** Read only through graph edges of the resources the reader runs on. */
  linked: boolean;
  /** An attribute that loading drops unless a reader declares it (`UNREAD_ATTRIBUTES` in compact.ts). */
  attribute?: string;
}

const READ_FORM = /^([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*)| (linked))?$/;

/** Parses one declared read; undefined when it is not one of the three forms. */
export function parseRead(s: string): Read | undefined {
  const m = READ_FORM.exec(s);
  if (!m) return undefined;
  return { type: m[1]!, linked: m[3] !== undefined, ...(m[2] !== undefined ? { attribute: m[2] } : {}) };
}

/**
 * Which resource types are modelled, derived from what the checks and estimators declare they
 * read (src/engine/reads.ts builds the tool's own from RULES and ESTIMATORS):
 * - analysed: the AWS types a check runs on, an estimator prices or an estimator reads; always
 *   modelled, and listed in the report;
 * - checked: every type a reader runs on (kubernetes_* pods included); always modelled;
 * - context: the other types readers declare; modelled only when a type that reads them is in
 *   the plan (a plan with thousands of IAM roles and no Fargate profile does not keep the roles);
 * - linked only: context types every reader reaches only through graph edges, dropped once the
 *   graph is built when nothing links to them;
 * - kept attributes: per type, the attributes loading would drop (tags) that a reader declares.
 */
export class TypeTables {
  readonly analysed: readonly string[];
  private readonly always: Set<string>;
  private readonly consumers = new Map<string, Set<string>>();
  readonly linkedOnly: ReadonlySet<string>;
  private readonly attributes = new Map<string, string[]>();

  constructor(readers: readonly Reader[]) {
    const checked = new Set<string>();
    const analysed = new Set<string>();
    for (const r of readers) {
      for (const t of r.types) {
        checked.add(t);
        // An estimator's type is analysed whatever its provider (kubernetes_manifest NodePools).
        if (t.startsWith('aws_') || r.priced) analysed.add(t);
      }
      if (!r.priced) continue;
      for (const d of r.reads ?? []) {
        const read = parseRead(d);
        if (read && !read.attribute && !read.linked && read.type.startsWith('aws_')) analysed.add(read.type);
      }
    }
    this.analysed = [...analysed];
    this.always = new Set([...checked, ...analysed]);
    const notLinked = new Set<string>();
    for (const r of readers) {
      for (const d of r.reads ?? []) {
        const read = parseRead(d);
        if (!read) continue;
        if (read.attribute) {
          const l = this.attributes.get(read.type) ?? [];
          if (!l.includes(read.attribute)) l.push(read.attribute);
          this.attributes.set(read.type, l);
          continue;
        }
        if (this.always.has(read.type)) continue;
        const c = this.consumers.get(read.type) ?? new Set<string>();
        for (const t of r.types) c.add(t);
        this.consumers.set(read.type, c);
        if (!read.linked) notLinked.add(read.type);
      }
    }
    this.linkedOnly = new Set([...this.consumers.keys()].filter((t) => !notLinked.has(t)));
  }

  isAnalysed(t: string): boolean {
    return this.analysed.includes(t);
  }

  /** Modelled when the plan holds the right types (see `modelledFor`). */
  isModelled(t: string): boolean {
    return this.always.has(t) || this.consumers.has(t);
  }

  /** Which types to model, given the types a plan holds: analysed and checked ones, and context types some of them read. */
  modelledFor(present: ReadonlySet<string>): (type: string) => boolean {
    return (type) => {
      if (this.always.has(type)) return true;
      const c = this.consumers.get(type);
      if (!c) return false;
      for (const t of c) if (present.has(t)) return true;
      return false;
    };
  }

  /** The attributes of `type` loading keeps although it drops them elsewhere (tags a reader declares). */
  keptAttributes(type: string): readonly string[] {
    return this.attributes.get(type) ?? NONE;
  }
}

const NONE: readonly string[] = [];

/**
 * Where a resource's region comes from: its own `region` argument or planned value (AWS provider
 * v6, `resource`), its provider configuration (`provider`), `--region` (`option`), or the default.
 */
export type RegionSource = 'resource' | 'provider' | 'option' | 'default';

/** The region of a resource whose own `region` is written from a value known only after apply. */
export const UNKNOWN_REGION = '(known after apply)';
/** The region of a resource whose `region` the plan marks sensitive: never shown, nor priced. */
export const SENSITIVE_REGION = '(sensitive)';

/** One resource instance and what the plan does to it. */
export interface Resource {
  address: string;
  /** Module instance path with keys (`module.a["x"]`), '' at the root. */
  moduleAddress: string;
  /** Module path without keys (`module.a`), '' at the root. */
  moduleConfigPath: string;
  modules: ModuleStep[];
  /** Address without instance keys, as in `configuration`. */
  configAddress: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index: InstanceKey;
  deposed: string | undefined;
  action: Action;
  actions: string[];
  importing: boolean;
  /** The plan changes this resource (anything but no-op and read). */
  changed: boolean;
  /** Each side read through the one reading of values (src/plan/read.ts). */
  before: Attributes;
  after: Attributes;
  /** What exists once the plan is applied: `after`, or `before` for a delete. */
  current: Attributes;
  /** The resource's block in Terraform's `configuration` (its expressions), when the plan has one. */
  resourceConfig: ConfigResource | undefined;
  /**
   * The effective region of `current`: the resource's own `region` (provider v6) when it has one,
   * else its provider configuration's. `UNKNOWN_REGION` when `regionKnown` is false.
   */
  region: string;
  regionSource: RegionSource;
  /**
   * False when the configuration writes `region` from a value known only after apply
   * (`UNKNOWN_REGION`), or the plan marks it sensitive (`SENSITIVE_REGION`).
   */
  regionKnown: boolean;
  /**
   * The region of the `before` side when it differs from `region` (a replace that moves the
   * resource to another region); the cost of the before side is read there.
   */
  beforeRegion?: string;
  replacePaths: (string | number)[][];
  /**
   * A change Terraform deferred to a later plan (`deferred_changes`), with why; `instancesUnknown`
   * when its instance key is not known yet (`[*]`: how many instances is unknown).
   */
  deferred?: { reason: string; instancesUnknown: boolean };
}

/** A deferred change as the report lists it. */
export interface DeferredEntry {
  address: string;
  type: string;
  reason: string;
}

export interface ModelOptions {
  region?: string;
  /**
   * Which types to model (the tool's own are `TYPE_TABLES` in src/engine/reads.ts, derived from what
   * the checks and estimators declare). Without it every resource is kept (tests, debugging).
   */
  types?: TypeTables;
}

export interface PlanModel {
  plan: Plan;
  /** Terraform's `configuration` block, indexed by module path. */
  configuration: ConfigurationIndex;
  resources: Resource[];
  byAddress: Map<string, Resource>;
  byType: Map<string, Resource[]>;
  /** Instances by configuration address (`module.a.aws_x.y`, no instance keys). */
  byConfigAddress: Map<string, Resource[]>;
  /**
   * Instances by address without their own instance key (`module.a["x"].aws_x.y`), for the
   * addresses that have instance keys or more than one instance. Read it through `instancesAt`.
   */
  byBaseAddress: Map<string, Resource[]>;
  /** Every string the plan marks sensitive: outputs must never contain one of these. */
  sensitiveStrings: Set<string>;
  notes: string[];
  /** Every change the plan defers (`deferred_changes`), of any type. */
  deferred: DeferredEntry[];
  /** The paths read from this model's values, parsed once each (this run's own). */
  paths: PathMemo;
}

export const DEFAULT_REGION = 'us-east-1';

export function actionOf(actions: readonly string[]): Action {
  const create = actions.includes('create');
  const del = actions.includes('delete');
  if (del && create) return 'replace';
  if (create && actions.includes('forget')) return 'replace';
  if (create) return 'create';
  if (del) return 'delete';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  if (actions.includes('forget')) return 'forget';
  return 'no-op';
}

export function buildModel(plan: Plan, opts: ModelOptions = {}): PlanModel {
  const configuration = new ConfigurationIndex(plan.configuration, plan.variables);
  const resources: Resource[] = [];
  const byAddress = new Map<string, Resource>();
  const byType = new Map<string, Resource[]>();
  const byConfigAddress = new Map<string, Resource[]>();
  const byBaseAddress = new Map<string, Resource[]>();
  const sensitiveStrings = new Set<string>();
  const notes: string[] = [];
  const paths = new PathMemo();
  const build: Build = {
    configuration,
    opts,
    regionCache: new Map(),
    names: new Interner(Infinity, Infinity),
    configAddresses: new Map(),
    paths,
    module: undefined,
  };
  let defaulted = 0;
  const unkeyed: Resource[] = [];

  const present = new Set<string>();
  for (const rc of plan.resource_changes) present.add(rc.type);
  const deferredChanges = plan.deferred_changes ?? [];
  for (const d of deferredChanges) present.add(d.resource_change.type);
  const wanted = opts.types ? opts.types.modelledFor(present) : () => true;
  const deferred: DeferredEntry[] = deferredChanges.map((d) => ({
    address: d.resource_change.address,
    type: d.resource_change.type,
    reason: d.reason,
  }));
  // Deferred changes are read as the others are, after them, and marked deferred.
  const planned =
    deferredChanges.length === 0 ? plan.resource_changes : [...plan.resource_changes, ...deferredChanges.map((d) => d.resource_change)];
  // Data sources read while planning come after the changes; one the plan reads again at apply (`read`) is that change.
  const readAgain = new Set(plan.resource_changes.filter((rc) => rc.mode === 'data').map((rc) => rc.address));
  const priorData = (plan.prior_data_sources ?? []).filter((rc) => !readAgain.has(rc.address));
  const all = priorData.length === 0 ? planned : [...planned, ...priorData];
  const deferredOf = new Map(deferredChanges.map((d) => [d.resource_change, d]));
  for (const rc of all) {
    if (containsTrue(rc.change.before_sensitive)) collectSensitiveStrings(rc.change.before, rc.change.before_sensitive, sensitiveStrings);
    if (containsTrue(rc.change.after_sensitive)) collectSensitiveStrings(rc.change.after, rc.change.after_sensitive, sensitiveStrings);
    if (rc.type === 'helm_release') helmNote(rc, notes);
    if (!wanted(rc.type)) continue;
    if (rc.type === 'kubernetes_manifest' && !isKarpenterNodePool(rc)) continue;
    const r = normalise(rc, build);
    const d = deferredOf.get(rc);
    if (d)
      r.deferred = {
        reason: d.reason,
        instancesUnknown: (rc as { index_unknown?: unknown }).index_unknown === true || rc.address.includes('[*]'),
      };
    // A Kubernetes object has no AWS region of its own (its NodePool is priced in its cluster's).
    if (r.regionSource === 'default' && r.type !== 'kubernetes_manifest' && (opts.types?.isAnalysed(r.type) ?? r.type.startsWith('aws_')))
      defaulted++;
    resources.push(r);
    const key = r.deposed ? `${r.address} (deposed ${r.deposed})` : r.address;
    if (!byAddress.has(key)) byAddress.set(key, r);
    pushTo(byType, r.type, r);
    pushTo(byConfigAddress, r.configAddress, r);
    if (r.index !== undefined) pushTo(byBaseAddress, baseAddress(r.moduleAddress, r.mode, r.type, r.name), r);
    else if (byAddress.get(r.address) !== r) unkeyed.push(r);
  }
  // An address without an instance key is its own base address (byAddress answers for it),
  // unless it occurs more than once (deposed objects, a malformed plan): those are listed.
  for (const r of unkeyed) {
    const first = byAddress.get(r.address);
    if (!byBaseAddress.has(r.address) && first && first.index === undefined) byBaseAddress.set(r.address, [first]);
    pushTo(byBaseAddress, r.address, r);
  }
  if (defaulted > 0) {
    notes.push(
      `region not found in the plan's provider configuration for ${defaulted} resource(s); using ${DEFAULT_REGION} (pass --region to set it)`,
    );
  }
  // Sensitive root variables and sensitive outputs are secrets too.
  for (const [name, v] of Object.entries(plan.variables ?? {})) {
    if (plan.configuration?.root_module?.variables?.[name]?.sensitive) collectSensitiveStrings(v.value, true, sensitiveStrings);
  }
  // The changes now live on as resources: the model keeps the plan's other members only.
  const header: Plan = { ...plan, resource_changes: [], deferred_changes: undefined, prior_data_sources: undefined };
  return {
    plan: header,
    configuration,
    resources,
    byAddress,
    byType,
    byConfigAddress,
    byBaseAddress,
    sensitiveStrings,
    notes,
    deferred,
    paths,
  };
}

/** The manifest of a `kubernetes_manifest` change (after, else before), when it is an object. */
function manifestOf(rc: PlanResourceChange): Record<string, unknown> | undefined {
  for (const side of [rc.change.after, rc.change.before]) {
    const m = side && typeof side === 'object' ? (side as Record<string, unknown>).manifest : undefined;
    if (m && typeof m === 'object' && !Array.isArray(m)) return m as Record<string, unknown>;
  }
  return undefined;
}

/**
 * A `kubernetes_manifest` is modelled only when it is a Karpenter NodePool: kind `NodePool` in the
 * `karpenter.sh` API group (karpenter.sh/v1, v1beta1; EKS Auto Mode's NodePools are the same CRD).
 */
export function isKarpenterNodePool(rc: PlanResourceChange): boolean {
  const m = manifestOf(rc);
  return m?.kind === 'NodePool' && typeof m.apiVersion === 'string' && m.apiVersion.startsWith('karpenter.sh/');
}

/** A Helm release of Karpenter: its NodePools (in chart values or templates) are not read. */
function helmNote(rc: PlanResourceChange, notes: string[]): void {
  const after = rc.change.after as Record<string, unknown> | null | undefined;
  const chart = after && typeof after.chart === 'string' ? after.chart : '';
  if (!/karpenter/i.test(chart)) return;
  const note = `${rc.address} installs a Karpenter chart: Helm values are opaque to this tool, so NodePools it creates are not read and their compute has no ceiling here; declare NodePools as kubernetes_manifest resources to see their limits priced`;
  if (!notes.includes(note)) notes.push(note);
}

/**
 * Drops the context resources that are read only through links and that nothing links to, once
 * the graph is built: a plan with thousands of target groups of other load balancers keeps none
 * of them for the rest of the run. Returns how many were dropped.
 */
export function dropUnlinked(model: PlanModel, linked: (r: Resource) => boolean, types: TypeTables): number {
  const LINKED_ONLY = types.linkedOnly;
  const drop = new Set<Resource>();
  for (const type of LINKED_ONLY) for (const r of model.byType.get(type) ?? []) if (!linked(r)) drop.add(r);
  if (drop.size === 0) return 0;
  const keep = (l: Resource[]) => l.filter((r) => !drop.has(r));
  model.resources = keep(model.resources);
  for (const type of LINKED_ONLY) {
    const left = keep(model.byType.get(type) ?? []);
    if (left.length > 0) model.byType.set(type, left);
    else model.byType.delete(type);
  }
  // Only the entries of dropped resources change: a resource is listed under its configuration
  // address, its base address (its address when it has no instance key) and its address key.
  const without = (m: Map<string, Resource[]>, k: string) => {
    const l = m.get(k);
    if (!l || !l.some((r) => drop.has(r))) return;
    const left = keep(l);
    if (left.length > 0) m.set(k, left);
    else m.delete(k);
  };
  for (const r of drop) {
    without(model.byConfigAddress, r.configAddress);
    without(model.byBaseAddress, r.index !== undefined ? baseAddress(r.moduleAddress, r.mode, r.type, r.name) : r.address);
    const key = r.deposed ? `${r.address} (deposed ${r.deposed})` : r.address;
    if (model.byAddress.get(key) === r) model.byAddress.delete(key);
  }
  return drop.size;
}

/** The instances at a base address (`module.a["x"].aws_x.y`): every instance key, or the one unkeyed instance. */
export function instancesAt(model: PlanModel, base: string): Resource[] {
  const listed = model.byBaseAddress.get(base);
  if (listed) return listed;
  const one = model.byAddress.get(base);
  return one && one.index === undefined ? [one] : [];
}

/** `module.a["x"].aws_x.y`: a resource's address without its own instance key. */
export function baseAddress(moduleAddress: string, mode: string, type: string, name: string): string {
  const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  return moduleAddress ? `${moduleAddress}.${local}` : local;
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** What one model build shares among its resources. */
interface Build {
  configuration: ConfigurationIndex;
  opts: ModelOptions;
  /** The provider region by module path and provider configuration key. */
  regionCache: Map<string, Map<string, EffectiveRegion>>;
  /** One string per configuration address and per module path, shared by all their instances. */
  names: Interner;
  /** The run's parsed paths, shared by every value the build makes. */
  paths: PathMemo;
  /** The configuration address of each managed resource, by module path, type and name (strings the build made once). */
  configAddresses: Map<string, Map<string, Map<string, string>>>;
  /** The last module path read, with its steps and their configuration path (see `moduleSteps`). */
  module: { address: string; steps: ModuleStep[]; configPath: string } | undefined;
}

const NO_PATHS: (string | number)[][] = [];

/**
 * The module steps of a change, from `module_address` or, when absent, its address. Terraform
 * lists the changes of one module instance together: the last module path's steps are reused,
 * so its instances share one list.
 */
function moduleSteps(rc: PlanResourceChange, build: Build): { steps: ModuleStep[]; configPath: string } {
  const ma = rc.module_address;
  if (ma === undefined) {
    const steps = rc.address.startsWith('module.') ? (parseResourceAddress(rc.address)?.modules ?? []) : [];
    return { steps, configPath: build.names.intern(moduleConfigPath(steps)) };
  }
  if (build.module?.address === ma) return build.module;
  const steps = parseResourceAddress(`${ma}.x.y`)?.modules ?? [];
  build.module = { address: ma, steps, configPath: build.names.intern(moduleConfigPath(steps)) };
  return build.module;
}

/** `module.a.aws_x.y`: one string per configuration address, found without building it again for each instance. */
function configAddressOf(mcp: string, mode: 'managed' | 'data', type: string, name: string, build: Build): string {
  if (mode === 'data') return build.names.intern(`${mcp ? `${mcp}.` : ''}data.${type}.${name}`);
  let byType = build.configAddresses.get(mcp);
  if (!byType) build.configAddresses.set(mcp, (byType = new Map()));
  let byName = byType.get(type);
  if (!byName) byType.set(type, (byName = new Map()));
  let addr = byName.get(name);
  if (addr === undefined) byName.set(name, (addr = build.names.intern(mcp ? `${mcp}.${type}.${name}` : `${type}.${name}`)));
  return addr;
}

function normalise(rc: PlanResourceChange, build: Build): Resource {
  const { configuration } = build;
  const mode: 'managed' | 'data' = rc.mode === 'data' ? 'data' : 'managed';
  // The module path is shared by every resource of a module instance: parse it once.
  const { steps: modules, configPath: mcp } = moduleSteps(rc, build);
  const cfgAddr = configAddressOf(mcp, mode, rc.type, rc.name, build);
  const cfg = configuration.resource(cfgAddr);
  const actions = rc.change.actions;
  const action = actionOf(actions);
  const beforeValues = sideValues(rc.change.before, undefined, rc.change.before_sensitive, build.paths);
  const afterValues = sideValues(rc.change.after, rc.change.after_unknown, rc.change.after_sensitive, build.paths);
  const before =
    beforeValues === Values.EMPTY ? Attributes.EMPTY : new Attributes(beforeValues, rc.type, cfg, configuration, mcp, 'before');
  const after = afterValues === Values.EMPTY ? Attributes.EMPTY : new Attributes(afterValues, rc.type, cfg, configuration, mcp, 'after');
  const importing = rc.change.importing !== undefined && rc.change.importing !== null;
  const providerRegion = resolveRegion(configuration, cfg, mcp, build.regionCache, build.opts);
  const current = action === 'delete' ? before : after;
  // The configuration describes the planned object; the before side is read from its values.
  const region = resourceRegion(configuration, action === 'delete' ? undefined : cfg, mcp, current.values, providerRegion);
  const beforeSide =
    action === 'delete' || before.isNull ? region : resourceRegion(configuration, undefined, mcp, before.values, providerRegion);
  return {
    address: rc.address,
    moduleAddress: rc.module_address ?? moduleInstancePath(modules),
    moduleConfigPath: mcp,
    modules,
    configAddress: cfgAddr,
    mode,
    type: rc.type,
    name: rc.name,
    index: rc.index ?? undefined,
    deposed: rc.deposed,
    action,
    actions,
    importing,
    changed: action !== 'no-op' && action !== 'read',
    before,
    after,
    current,
    resourceConfig: cfg,
    region: region.region,
    regionSource: region.source,
    regionKnown: region.known,
    beforeRegion: beforeSide.region !== region.region && beforeSide.known ? beforeSide.region : undefined,
    replacePaths: (rc.change.replace_paths ?? NO_PATHS) as (string | number)[][],
    deferred: undefined,
  };
}

/** One side's values; the side of a create or delete that does not exist shares one empty instance. */
function sideValues(raw: unknown, unknownMask: unknown, sensitiveMask: unknown, paths: PathMemo): Values {
  const none = (m: unknown) => m === undefined || m === null || m === false;
  if ((raw === null || raw === undefined) && none(unknownMask) && none(sensitiveMask)) return Values.EMPTY;
  return new Values(raw ?? null, unknownMask, sensitiveMask, paths);
}

const REGION = ['region'] as const;
const REGION_SCRATCH: Scratch = { state: 'absent', value: undefined, sensitive: false };

interface EffectiveRegion {
  region: string;
  source: RegionSource;
  known: boolean;
}

/**
 * The effective region of one side of a resource (AWS provider v6 "enhanced region support"):
 * its own `region` argument if configured, else its provider configuration's region. A v6 plan
 * shows `region` on every regional resource: the provider's region (known) or, on create, an
 * unknown value when the configuration does not write it; a v5 plan has no such key. So:
 * - the configuration writes a constant (or a `var.x` that resolves to one): that region;
 * - the plan shows a known value: that region (the provider's when it equals it);
 * - the configuration writes it from a value known only after apply: unknown;
 * - otherwise (not written, unknown or absent): the provider configuration's region.
 */
function resourceRegion(
  configuration: ConfigurationIndex,
  cfg: ConfigResource | undefined,
  modulePath: string,
  values: Values,
  /** The provider configuration's region (shared by its resources: returned as it is). */
  provider: EffectiveRegion,
): EffectiveRegion {
  const expr = cfg?.expressions?.region;
  const written = expr !== undefined && expr !== null;
  // Taken apart at once (the scratch is reused by the next lookup).
  const { state, value, sensitive } = values.lookInto(REGION, REGION_SCRATCH);
  // A sensitive region would show through the prices of its region: it is neither shown nor priced.
  if (sensitive) return { region: SENSITIVE_REGION, source: written ? 'resource' : 'provider', known: false };
  if (written) {
    const c = configuration.constant(modulePath, expr);
    if (c?.sensitive) return { region: SENSITIVE_REGION, source: 'resource', known: false };
    if (c && typeof c.value === 'string' && c.value) return { region: c.value, source: 'resource', known: true };
  }
  // The provider's region comes from a sensitive variable: a region the plan shows here is that value.
  if (!written && provider.region === SENSITIVE_REGION) return provider;
  if (state === 'known' && typeof value === 'string' && value) {
    const fromProvider = !written && provider.source === 'provider' && value === provider.region;
    return { region: value, source: fromProvider ? 'provider' : 'resource', known: true };
  }
  if (written && state === 'unknown') return { region: UNKNOWN_REGION, source: 'resource', known: false };
  return provider;
}

function resolveRegion(
  configuration: ConfigurationIndex,
  cfg: ConfigResource | undefined,
  modulePath: string,
  cache: Map<string, Map<string, EffectiveRegion>>,
  opts: ModelOptions,
): EffectiveRegion {
  const key = cfg?.provider_config_key ?? 'aws';
  let byKey = cache.get(modulePath);
  if (!byKey) cache.set(modulePath, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  let result: { region: string; source: RegionSource } | undefined;
  const candidates = [key];
  // Older formats write `child:aws` or `module.child:aws`; inherited providers fall back to the root.
  const bare = key.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key;
  candidates.push(bare, bare.split('.')[0]!);
  for (const k of candidates) {
    const pc = configuration.providerConfig(k);
    if (!pc) continue;
    const expr = pc.expressions?.region;
    const providerModule = pc.module_address ?? (k.includes(':') ? moduleFromKey(k) : '');
    const c = configuration.constant(providerModule, expr);
    // A provider region from a sensitive variable is neither shown nor priced.
    if (c?.sensitive) result = { region: SENSITIVE_REGION, source: 'provider' };
    else if (c && typeof c.value === 'string' && c.value) {
      result = { region: c.value, source: 'provider' };
    }
    break;
  }
  result ??= opts.region ? { region: opts.region, source: 'option' } : { region: DEFAULT_REGION, source: 'default' };
  const effective = { ...result, known: result.region !== SENSITIVE_REGION };
  byKey.set(key, effective);
  return effective;
}

function moduleFromKey(k: string): string {
  const m = k.slice(0, k.lastIndexOf(':'));
  return m.startsWith('module.')
    ? m
    : m
        .split('.')
        .map((n) => `module.${n}`)
        .join('.');
}
