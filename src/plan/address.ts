/**
 * Terraform addresses: `module.a["k"].module.b[0].aws_ecs_service.api["x"]`,
 * `data.aws_iam_role.r`, and references such as `aws_ecs_task_definition.api.arn`,
 * `module.net.vpc_id` or `var.region`.
 */
export type InstanceKey = string | number | undefined;

export interface ModuleStep {
  name: string;
  key: InstanceKey;
}

export interface ResourceAddress {
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key: InstanceKey;
}

/** Splits at dots that are not inside brackets or quotes. */
export function splitAddress(addr: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < addr.length; i++) {
    const c = addr[i]!;
    if (quoted) {
      cur += c;
      if (c === '\\') {
        cur += addr[++i] ?? '';
      } else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** `name["k"]` → {name, key}. */
export function splitKey(part: string): { name: string; key: InstanceKey } {
  const b = part.indexOf('[');
  if (b === -1 || !part.endsWith(']')) return { name: part, key: undefined };
  const inner = part.slice(b + 1, -1);
  let key: InstanceKey;
  if (inner.startsWith('"')) {
    try {
      key = JSON.parse(inner) as string;
    } catch {
      key = inner.slice(1, -1);
    }
  } else if (/^\d+$/.test(inner)) key = Number(inner);
  else key = inner;
  return { name: part.slice(0, b), key };
}

export function parseResourceAddress(addr: string): ResourceAddress | undefined {
  const parts = splitAddress(addr);
  const modules: ModuleStep[] = [];
  let i = 0;
  while (parts[i] === 'module' && i + 1 < parts.length) {
    modules.push(splitKey(parts[i + 1]!));
    i += 2;
  }
  let mode: 'managed' | 'data' = 'managed';
  if (parts[i] === 'data') {
    mode = 'data';
    i++;
  }
  const type = parts[i];
  const nk = parts[i + 1];
  if (!type || !nk) return undefined;
  const { name, key } = splitKey(nk);
  return { modules, mode, type, name, key };
}

export function formatKey(key: InstanceKey): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The module path of an instance, with keys: `module.a["k"].module.b`. */
export function moduleInstancePath(modules: readonly ModuleStep[]): string {
  return modules.map((m) => `module.${m.name}${formatKey(m.key)}`).join('.');
}

/** The module path in the configuration, without keys: `module.a.module.b`. */
export function moduleConfigPath(modules: readonly ModuleStep[]): string {
  return modules.map((m) => `module.${m.name}`).join('.');
}

/** `module.a.aws_x.y` (no instance keys) for a resource address. */
export function configAddress(a: ResourceAddress): string {
  const local = `${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`;
  const mp = moduleConfigPath(a.modules);
  return mp ? `${mp}.${local}` : local;
}

export type Reference =
  | { kind: 'resource'; mode: 'managed' | 'data'; type: string; name: string; key: InstanceKey; attribute: string[] }
  | { kind: 'var'; name: string }
  | { kind: 'module'; name: string; key: InstanceKey; output: string | undefined }
  | { kind: 'other'; text: string };

/** Parses a module-relative reference from a `references` list. */
export function parseReference(ref: string): Reference {
  const parts = splitAddress(ref);
  const head = parts[0] ?? '';
  if (head === 'var' && parts[1]) return { kind: 'var', name: splitKey(parts[1]).name };
  if (head === 'module' && parts[1]) {
    const { name, key } = splitKey(parts[1]);
    return { kind: 'module', name, key, output: parts[2] ? splitKey(parts[2]).name : undefined };
  }
  if (['local', 'count', 'each', 'path', 'terraform', 'self'].includes(head)) return { kind: 'other', text: ref };
  let i = 0;
  let mode: 'managed' | 'data' = 'managed';
  if (head === 'data') {
    mode = 'data';
    i = 1;
  }
  const type = parts[i];
  const nk = parts[i + 1];
  if (!type || !nk || !type.includes('_')) return { kind: 'other', text: ref };
  const { name, key } = splitKey(nk);
  return { kind: 'resource', mode, type, name, key, attribute: parts.slice(i + 2) };
}
