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
   * src/data/provider-defaults.json) that neither `after` nor the configuration sets is unknown,
   * not null. `false` keeps `after` exactly as given.
   */
  computedUnknown?: boolean;
  /** Module call expressions by module config path (`module.a`): { source, expressions }. */
  moduleCalls?: Record<string, { source?: string; expressions?: Record<string, unknown>; outputs?: Record<string, unknown> }>;
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
  const changes = resources.map((r) => {
    const a = parseResourceAddress(r.address);
    if (!a) throw new Error(`bad address ${r.address}`);
    const moduleAddress = moduleAddressOf(r.address);
    const local = `${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`;
    const mod = moduleFor(a.modules.map((m) => m.name));
    const cfgKey = `${a.modules.map((m) => m.name).join('.')}|${local}`;
    if (!seen.has(cfgKey)) {
      seen.add(cfgKey);
      mod.resources.push({
        address: local,
        mode: a.mode,
        type: a.type,
        name: a.name,
        provider_config_key: r.providerConfigKey ?? 'aws',
        expressions: r.expressions ?? constants(r.after ?? r.before ?? {}),
        schema_version: 0,
        ...(a.key !== undefined
          ? typeof a.key === 'number'
            ? { count_expression: { constant_value: 1 } }
            : { for_each_expression: { references: ['var.items'] } }
          : {}),
      });
    }
    const actions = r.actions ?? ['create'];
    const isDelete = actions.length === 1 && actions[0] === 'delete';
    let after = isDelete ? null : (r.after ?? null);
    let unknownMask = r.unknown;
    if (after && actions.includes('create') && spec.computedUnknown !== false && typeof unknownMask !== 'boolean') {
      const shaped = computedUnknowns(a.type, after, r.expressions ?? constants(after), unknownMask ?? {});
      after = shaped.after;
      unknownMask = shaped.unknown;
    }
    const before = actions.includes('create') && !actions.includes('delete') ? null : (r.before ?? (isDelete ? {} : (r.after ?? null)));
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
): { after: Record<string, unknown>; unknown: Record<string, unknown> } {
  const facts = providerDefaults.types[type];
  if (!facts) return { after, unknown };
  const out = structuredClone(after);
  const mask = structuredClone(unknown);
  for (const [path, fact] of Object.entries(facts)) {
    const computed = typeof fact.schema === 'string' ? fact.schema === 'optional-computed' : fact.schema.v6 === 'optional-computed';
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
