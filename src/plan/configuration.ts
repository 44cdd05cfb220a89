import { parseReference, splitAddress, type InstanceKey, type Reference } from './address.js';
import type { ConfigModule, ConfigResource, Configuration, ModuleCall, ProviderConfig } from './schema.js';
import type { PathStep } from './values.js';

/** A resource that a configuration expression refers to, qualified with its module path. */
export interface ResolvedRef {
  /** `module.a.module.b.aws_x.y` (configuration path, no instance keys). */
  configAddress: string;
  type: string;
  mode: 'managed' | 'data';
  /** Instance key written in the reference (`aws_x.y[0]`), when any. */
  key: InstanceKey;
  /** Attribute after the resource (`arn`, `name`, …). */
  attribute: string[];
}

const MAX_HOPS = 32;

/**
 * The `configuration` block of a plan, indexed by module path. Answers what a resource's
 * expressions refer to, following `var.x` up into the module call and `module.m.out` down into
 * the module's outputs, so links across modules resolve to the resource they end at.
 */
export class ConfigurationIndex {
  private readonly modules = new Map<string, ConfigModule>();
  private readonly calls = new Map<string, ModuleCall>();
  private readonly resources = new Map<string, ConfigResource>();
  private readonly refCache = new Map<string, readonly ResolvedRef[]>();
  /** References parsed once each: configurations repeat them. */
  private readonly parsedRefs = new Map<string, Reference>();
  private readonly parents = new Map<string, string>();

  constructor(
    readonly configuration: Configuration | undefined,
    private readonly rootVariables: Record<string, { value?: unknown }> = {},
  ) {
    const root = configuration?.root_module;
    if (root) this.walk('', root);
  }

  private walk(path: string, mod: ConfigModule, depth = 0): void {
    if (depth > 100) return;
    this.modules.set(path, mod);
    for (const r of mod.resources ?? []) this.resources.set(path ? `${path}.${r.address}` : r.address, r);
    for (const [name, call] of Object.entries(mod.module_calls ?? {})) {
      const child = path ? `${path}.module.${name}` : `module.${name}`;
      this.calls.set(child, call);
      if (call.module) this.walk(child, call.module, depth + 1);
    }
  }

  private reference(text: string): Reference {
    let r = this.parsedRefs.get(text);
    if (!r) {
      r = parseReference(text);
      if (this.parsedRefs.size < 100_000) this.parsedRefs.set(text, r);
    }
    return r;
  }

  /** `parentModulePath` of a module path of this configuration, split once per module. */
  private parentOf(modulePath: string): string {
    let p = this.parents.get(modulePath);
    if (p === undefined) {
      p = parentModulePath(modulePath);
      // Module paths are the configuration's own (no instance keys): as many as its modules.
      if (this.parents.size < 100_000) this.parents.set(modulePath, p);
    }
    return p;
  }

  resource(configAddress: string): ConfigResource | undefined {
    return this.resources.get(configAddress);
  }

  module(path: string): ConfigModule | undefined {
    return this.modules.get(path);
  }

  /** The expression object at a path under a resource's expressions (blocks are arrays). */
  expression(res: ConfigResource | undefined, path: readonly PathStep[]): unknown {
    return expressionAt(res, path);
  }

  /** Resources referenced by the expression at `path` of a resource in module `modulePath`. */
  references(modulePath: string, res: ConfigResource | undefined, path: readonly PathStep[]): readonly ResolvedRef[] {
    // Every instance of a count/for_each block shares its configuration: resolve once per block.
    const key = res ? `${modulePath}|${res.address}|${path.join('.')}` : undefined;
    const hit = key !== undefined ? this.refCache.get(key) : undefined;
    if (hit) return hit;
    const expr = this.expression(res, path);
    const out: ResolvedRef[] = [];
    this.resolveRefs(modulePath, collectReferences(expr), out, 0);
    const refs = dedupe(out);
    if (key !== undefined) this.refCache.set(key, refs);
    return refs;
  }

  private resolveRefs(modulePath: string, refs: string[], out: ResolvedRef[], hops: number): void {
    if (hops > MAX_HOPS) return;
    for (const text of refs) {
      const ref = this.reference(text);
      if (ref.kind === 'resource') {
        const local = `${ref.mode === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`;
        out.push({
          configAddress: modulePath ? `${modulePath}.${local}` : local,
          type: ref.type,
          mode: ref.mode,
          key: ref.key,
          attribute: ref.attribute,
        });
      } else if (ref.kind === 'var' && modulePath) {
        // Up into the module call that set this variable.
        const call = this.calls.get(modulePath);
        const parent = parentModulePath(modulePath);
        const e = call?.expressions?.[ref.name];
        this.resolveRefs(parent, collectReferences(e), out, hops + 1);
      } else if (ref.kind === 'module' && ref.output) {
        // Down into the module's output.
        const child = modulePath ? `${modulePath}.module.${ref.name}` : `module.${ref.name}`;
        const o = this.modules.get(child)?.outputs?.[ref.output];
        this.resolveRefs(child, collectReferences(o?.expression), out, hops + 1);
      }
    }
  }

  /**
   * The constant value of a variable-or-constant expression in a module: a `constant_value`, a
   * `var.x` resolved through module calls up to the root variables, or a variable default.
   * Returns undefined when it is not a constant; `sensitive` when a variable on the way is.
   */
  constant(modulePath: string, expr: unknown, hops = 0): { value: unknown; sensitive?: true } | undefined {
    if (hops > MAX_HOPS || !expr || typeof expr !== 'object' || Array.isArray(expr)) return undefined;
    const e = expr as { constant_value?: unknown; references?: unknown };
    if ('constant_value' in e) return { value: e.constant_value };
    // The first reference to a variable (read on every attribute read: no arrays built).
    let v: Extract<Reference, { kind: 'var' }> | undefined;
    if (Array.isArray(e.references)) {
      for (const r of e.references as unknown[]) {
        if (typeof r !== 'string') continue;
        const ref = this.reference(r);
        if (ref.kind === 'var') {
          v = ref;
          break;
        }
      }
    }
    if (!v) return undefined;
    const sensitive = this.modules.get(modulePath)?.variables?.[v.name]?.sensitive === true;
    const c = this.variableValue(modulePath, v.name, hops);
    // A sensitive variable's value is marked so: no message or field may quote it.
    return c && (sensitive || c.sensitive) ? { value: c.value, sensitive: true } : c;
  }

  private variableValue(modulePath: string, name: string, hops: number): { value: unknown; sensitive?: true } | undefined {
    const v = { name };
    if (!modulePath) {
      if (this.rootVariables[v.name] && 'value' in this.rootVariables[v.name]!) return { value: this.rootVariables[v.name]!.value };
    } else {
      const call = this.calls.get(modulePath);
      const fromCall = call?.expressions?.[v.name];
      if (fromCall) return this.constant(this.parentOf(modulePath), fromCall, hops + 1);
    }
    const def = this.modules.get(modulePath)?.variables?.[v.name];
    if (def && 'default' in def && def.default !== null) return { value: def.default };
    return undefined;
  }

  providerConfig(key: string | undefined): ProviderConfig | undefined {
    if (!key) return undefined;
    return this.configuration?.provider_config?.[key];
  }
}

/** The expression object at a path under a resource's expressions (blocks are arrays). */
export function expressionAt(res: ConfigResource | undefined, path: readonly PathStep[]): unknown {
  let e: unknown = res?.expressions;
  for (const step of path) {
    if (e === undefined || e === null) return undefined;
    if (Array.isArray(e)) {
      e = typeof step === 'number' ? e[step] : e[0] && (e[0] as Record<string, unknown>)[String(step)];
      continue;
    }
    if (typeof e !== 'object') return undefined;
    // A block list written once in the configuration stands for every element.
    if (typeof step === 'number') continue;
    e = (e as Record<string, unknown>)[step];
  }
  return e;
}

export function parentModulePath(p: string): string {
  const parts = splitAddress(p);
  return parts.slice(0, -2).join('.');
}

/** Every string in every `references` array below an expression. */
export function collectReferences(expr: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64 || expr === null || typeof expr !== 'object') return out;
  if (Array.isArray(expr)) {
    for (const e of expr) collectReferences(e, out, depth + 1);
    return out;
  }
  const o = expr as Record<string, unknown>;
  if (Array.isArray(o.references)) {
    for (const r of o.references) if (typeof r === 'string') out.push(r);
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === 'references' || k === 'constant_value') continue;
    collectReferences(v, out, depth + 1);
  }
  return out;
}

function dedupe(refs: ResolvedRef[]): ResolvedRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.configAddress}|${String(r.key)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
