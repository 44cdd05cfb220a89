import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResourceAddress, splitAddress } from '../../src/plan/address.js';
import { providerDefaults } from '../../src/plan/provider-facts.js';

/**
 * Builds plans in the real `terraform show -json` format (format_version 1.2) for tests:
 * `resource_changes` with before/after and their unknown and sensitive masks, `planned_values`,
 * and a `configuration` with module calls, provider config and expression references.
 */
export interface ResSpec {
  /** Full instance address, e.g. `module.svc["a"].aws_ecs_service.api[0]`. */
  address: string;
  actions?: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** after_unknown mask (attributes known only after apply). */
  unknown?: Record<string, unknown> | boolean;
  /** after_sensitive mask. */
  sensitive?: Record<string, unknown> | boolean;
  beforeSensitive?: Record<string, unknown> | boolean;
  /** configuration expressions for the block (module-relative references). */
  expressions?: Record<string, unknown>;
  importing?: { id: string };
  actionReason?: string;
  deposed?: string;
  providerConfigKey?: string;
}

export interface PlanSpec {
  region?: string | null;
  /** Extra provider configs (aliases), keyed as in configuration.provider_config. */
  providers?: Record<string, unknown>;
  formatVersion?: string;
  terraformVersion?: string;
  variables?: Record<string, { value: unknown }>;
  /** configuration.root_module.variables (sensitive flags, defaults). */
  variableDecls?: Record<string, unknown>;
  /**
   * Write creates the way Terraform does (default true): an Optional+Computed attribute (per
   * src/aws/data/provider-defaults.json) that neither `after` nor the configuration sets is unknown,
   * not null. `false` keeps `after` exactly as given.
   */
  computedUnknown?: boolean;
  /**
   * Which major version of the AWS provider (hashicorp/aws) writes the plan (default v5). Where
   * src/aws/data/provider-defaults.json records a schema per version ({v5, v6}), the builder follows
   * that version: it refuses an attribute the version removed or does not have, and a required
   * one that is missing. v6 adds the top-level `region` argument to every resource: when neither
   * `after` nor the configuration sets it, the provider writes its own configured region into
   * the plan (known at plan time: its CustomizeDiff sets it, internal/provider/sdkv2/region.go),
   * and into `before` (state), so the builder does the same. v5 plans have no `region` key.
   */
  provider?: 'v5' | 'v6';
  /**
   * Data sources Terraform read while planning: written into `prior_state.values` (root module
   * and child_modules, with `sensitive_values`) and into `configuration` with their expressions,
   * as Terraform writes them.
   */
  dataSources?: DataSpec[];
  /** Module call expressions by module config path (`module.a`): { source, expressions }. */
  moduleCalls?: Record<string, { source?: string; expressions?: Record<string, unknown>; outputs?: Record<string, unknown> }>;
}

/** A data source read while planning (`data.aws_ami.win`, `module.a.data.aws_ssm_parameter.p`). */
export interface DataSpec {
  address: string;
  values: Record<string, unknown>;
  /** sensitive_values mask. */
  sensitive?: Record<string, unknown>;
  /** The arguments the configuration writes (a data source's computed attributes have none). */
  expressions: Record<string, unknown>;
}

export const ref = (...refs: string[]) => ({ references: refs });
export const constant = (v: unknown) => ({ constant_value: v });

export function buildPlan(resources: ResSpec[], spec: PlanSpec = {}): Record<string, unknown> {
  const root: Record<string, any> = { resources: [] };
  const region = spec.region === undefined ? 'us-east-1' : spec.region;
  const providerConfig: Record<string, unknown> = {
    aws: {
      name: 'aws',
      full_name: 'registry.terraform.io/hashicorp/aws',
      ...(region ? { expressions: { region: { constant_value: region } } } : {}),
    },
    ...(spec.providers ?? {}),
  };
  if (spec.variableDecls) root.variables = spec.variableDecls;
  const moduleFor = (path: string[]): Record<string, any> => {
    let m = root;
    let cfgPath = '';
    for (const name of path) {
      cfgPath = cfgPath ? `${cfgPath}.module.${name}` : `module.${name}`;
      m.module_calls ??= {};
      const extra = spec.moduleCalls?.[cfgPath];
      m.module_calls[name] ??= {
        source: extra?.source ?? `./modules/${name}`,
        expressions: extra?.expressions ?? {},
        module: { resources: [], ...(extra?.outputs ? { outputs: extra.outputs } : {}) },
      };
      m = m.module_calls[name].module;
    }
    return m;
  };
  const seen = new Set<string>();
  /** The configuration's entry of a resource or data source: once per module and local address, as Terraform writes it. */
  const configure = (a: NonNullable<ReturnType<typeof parseResourceAddress>>, entry: Record<string, unknown>) => {
    const local = `${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`;
    const cfgKey = `${a.modules.map((m) => m.name).join('.')}|${local}`;
    if (seen.has(cfgKey)) return;
    seen.add(cfgKey);
    moduleFor(a.modules.map((m) => m.name)).resources.push({ address: local, mode: a.mode, type: a.type, name: a.name, ...entry });
  };
  const version = spec.provider ?? 'v5';
  const changes = resources.map((r) => {
    const a = parseResourceAddress(r.address);
    if (!a) throw new Error(`bad address ${r.address}`);
    if (spec.provider) checkVersion(version, a.type, r);
    const moduleAddress = moduleAddressOf(r.address);
    configure(a, {
      provider_config_key: r.providerConfigKey ?? 'aws',
      expressions: r.expressions ?? constants(r.after ?? r.before ?? {}),
      schema_version: 0,
      ...(a.key !== undefined
        ? typeof a.key === 'number'
          ? { count_expression: { constant_value: 1 } }
          : { for_each_expression: { references: ['var.items'] } }
        : {}),
    });
    const actions = r.actions ?? ['create'];
    const isDelete = actions.length === 1 && actions[0] === 'delete';
    let after = isDelete ? null : (r.after ?? null);
    let unknownMask = r.unknown;
    if (after && actions.includes('create') && spec.computedUnknown !== false && typeof unknownMask !== 'boolean') {
      const shaped = computedUnknowns(a.type, after, r.expressions ?? constants(after), unknownMask ?? {}, version);
      after = shaped.after;
      unknownMask = shaped.unknown;
    }
    let before = actions.includes('create') && !actions.includes('delete') ? null : (r.before ?? (isDelete ? {} : (r.after ?? null)));
    if (version === 'v6') {
      const providerRegion = regionOf(providerConfig[r.providerConfigKey ?? 'aws']);
      const written = (r.expressions ?? constants(r.after ?? r.before ?? {})).region !== undefined;
      const masked = unknownMask && typeof unknownMask === 'object' && unknownMask.region !== undefined;
      if (providerRegion !== undefined && after && !written && !masked && after.region === undefined)
        after = { ...after, region: providerRegion };
      // State: the provider sets region after every read.
      if (providerRegion !== undefined && before && before.region === undefined) before = { ...before, region: providerRegion };
    }
    return {
      address: r.address,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      mode: a.mode,
      type: a.type,
      name: a.name,
      ...(a.key !== undefined ? { index: a.key } : {}),
      provider_name: 'registry.terraform.io/hashicorp/aws',
      ...(r.deposed ? { deposed: r.deposed } : {}),
      change: {
        actions,
        before,
        after,
        after_unknown: unknownMask ?? (after ? {} : false),
        before_sensitive: r.beforeSensitive ?? (before ? {} : false),
        after_sensitive: r.sensitive ?? (after ? {} : false),
        ...(r.importing ? { importing: r.importing } : {}),
      },
      ...(r.actionReason ? { action_reason: r.actionReason } : {}),
    };
  });
  const priorRoot: Record<string, any> = { resources: [] };
  for (const d of spec.dataSources ?? []) {
    const a = parseResourceAddress(d.address);
    if (!a || a.mode !== 'data') throw new Error(`bad data source address ${d.address}`);
    configure(a, { provider_config_key: 'aws', expressions: d.expressions, schema_version: 0 });
    // prior_state: child_modules nest by module instance address.
    let m = priorRoot;
    let path = '';
    for (const step of a.modules) {
      path = `${path ? `${path}.` : ''}module.${step.name}${step.key === undefined ? '' : `[${JSON.stringify(step.key)}]`}`;
      m.child_modules ??= [];
      let child = m.child_modules.find((c: { address: string }) => c.address === path);
      if (!child) m.child_modules.push((child = { address: path, resources: [] }));
      m = child;
    }
    m.resources.push({
      address: d.address,
      mode: 'data',
      type: a.type,
      name: a.name,
      ...(a.key !== undefined ? { index: a.key } : {}),
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 0,
      values: d.values,
      sensitive_values: d.sensitive ?? {},
    });
  }
  return {
    format_version: spec.formatVersion ?? '1.2',
    terraform_version: spec.terraformVersion ?? '1.9.8',
    ...(spec.variables ? { variables: spec.variables } : {}),
    planned_values: {
      root_module: {
        resources: changes
          .filter((c) => !c.module_address && c.change.after)
          .map((c) => ({
            address: c.address,
            mode: c.mode,
            type: c.type,
            name: c.name,
            provider_name: c.provider_name,
            schema_version: 0,
            values: c.change.after,
            sensitive_values: {},
          })),
      },
    },
    resource_changes: changes,
    ...(spec.dataSources
      ? { prior_state: { format_version: '1.0', terraform_version: spec.terraformVersion ?? '1.9.8', values: { root_module: priorRoot } } }
      : {}),
    configuration: { provider_config: providerConfig, root_module: root },
    timestamp: '2026-11-20T10:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

/**
 * A create as Terraform writes it: each Optional+Computed attribute the configuration does not
 * write, and `after` leaves null or out, is dropped from `after` and marked unknown. Nested paths
 * (`block.*.attr`) are shaped inside each element of a block that is there.
 */
function computedUnknowns(
  type: string,
  after: Record<string, unknown>,
  expressions: Record<string, unknown>,
  unknown: Record<string, unknown>,
  version: 'v5' | 'v6',
): { after: Record<string, unknown>; unknown: Record<string, unknown> } {
  const facts = providerDefaults.types[type];
  if (!facts) return { after, unknown };
  const out = structuredClone(after);
  const mask = structuredClone(unknown);
  for (const [path, fact] of Object.entries(facts)) {
    const computed = schemaIn(fact.schema, version) === 'optional-computed';
    if (computed) shape(out, mask, expressions, path.split('.'));
  }
  return { after: out, unknown: mask };
}

function shape(value: Record<string, unknown>, mask: Record<string, unknown>, expr: unknown, steps: string[]): void {
  const [head, ...rest] = steps;
  if (head === undefined) return;
  const e = expr && typeof expr === 'object' && !Array.isArray(expr) ? (expr as Record<string, unknown>)[head] : undefined;
  if (rest.length === 0) {
    const v = value[head];
    const written =
      e !== undefined &&
      !(typeof e === 'object' && e !== null && 'constant_value' in e && (e as { constant_value: unknown }).constant_value === null);
    if (!written && (v === undefined || v === null) && mask[head] === undefined) {
      delete value[head];
      mask[head] = true;
    }
    return;
  }
  // `head.*.rest`: inside each element of a block list that is there.
  const list = value[head];
  if (rest[0] !== '*' || !Array.isArray(list) || mask[head] === true) return;
  const m = (mask[head] ??= []) as unknown[];
  list.forEach((el, i) => {
    if (!el || typeof el !== 'object') return;
    const em = (m[i] ??= {}) as Record<string, unknown>;
    const ee = Array.isArray(e) ? (e[i] ?? e[0]) : undefined;
    shape(el as Record<string, unknown>, em, ee, rest.slice(1));
  });
}

function schemaIn(schema: string | { v5: string; v6: string }, version: 'v5' | 'v6'): string {
  return typeof schema === 'string' ? schema : schema[version];
}

/**
 * A resource as the given provider version can write it: no top-level attribute the version
 * removed (or, for `region`, does not have yet), every top-level attribute it requires where
 * the versions differ. A test that needs another shape says so by leaving `provider` unset.
 */
function checkVersion(version: 'v5' | 'v6', type: string, r: ResSpec): void {
  const facts = providerDefaults.types[type] ?? {};
  for (const side of [r.after, r.before]) {
    if (!side) continue;
    if (version === 'v5' && side.region !== undefined) throw new Error(`${r.address}: region is an argument of provider v6, not v5`);
    for (const [path, fact] of Object.entries(facts)) {
      if (path.includes('.') || typeof fact.schema === 'string') continue;
      const v = side[path];
      const set = v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
      if (fact.schema[version] === 'removed' && set) throw new Error(`${r.address}: ${path} is not in provider ${version}`);
      if (fact.schema[version] === 'required' && !set) throw new Error(`${r.address}: provider ${version} requires ${path}`);
    }
  }
}

function regionOf(provider: unknown): string | undefined {
  const e = (provider as { expressions?: { region?: { constant_value?: unknown } } } | undefined)?.expressions?.region;
  return typeof e?.constant_value === 'string' ? e.constant_value : undefined;
}

function moduleAddressOf(address: string): string | undefined {
  const parts = splitAddress(address);
  let i = 0;
  while (parts[i] === 'module') i += 2;
  return i > 0 ? parts.slice(0, i).join('.') : undefined;
}

export function constants(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      out[k] = v.map((x) => constants(x as Record<string, unknown>));
    } else if (v !== null) out[k] = { constant_value: v };
  }
  return out;
}

let dir: string | undefined;
/** Writes a plan (object or raw text/bytes) to a temporary file and returns its path. */
export function writePlan(name: string, content: unknown): string {
  dir ??= mkdtempSync(join(tmpdir(), 'cpc-test-'));
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 1));
  return p;
}
