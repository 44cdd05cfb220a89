import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResourceAddress, splitAddress } from '../../src/plan/address.js';

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
        ...(a.key !== undefined ? (typeof a.key === 'number' ? { count_expression: { constant_value: 1 } } : { for_each_expression: { references: ['var.items'] } }) : {}),
      });
    }
    const actions = r.actions ?? ['create'];
    const isDelete = actions.length === 1 && actions[0] === 'delete';
    const after = isDelete ? null : (r.after ?? null);
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
        after_unknown: r.unknown ?? (after ? {} : false),
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
          .map((c) => ({ address: c.address, mode: c.mode, type: c.type, name: c.name, provider_name: c.provider_name, schema_version: 0, values: c.change.after, sensitive_values: {} })),
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
