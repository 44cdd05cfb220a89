/**
 * hcl2-parser, loaded on first use only: it is a 3.8 MB GopherJS bundle that takes a few hundred
 * milliseconds to load, so a plan-only run (or a --tf-dir without container resources) never
 * imports it.
 */
interface HclParser {
  parseToString(input: string): [string, unknown];
}

let parser: Promise<HclParser> | undefined;
let loads = 0;

/** How many times the parser module has been imported in this process (0 or 1). */
export function parserLoads(): number {
  return loads;
}

async function loadParser(): Promise<HclParser> {
  parser ??= import('hcl2-parser').then((m: { default?: unknown }) => {
    loads++;
    return (m.default ?? m) as HclParser;
  });
  return parser;
}

/** The lifecycle settings we read from one resource block. */
export interface ParsedResource {
  ignoreChanges: string[] | 'all';
}

/**
 * Parses a file and returns, per `TYPE.NAME`, what its `lifecycle` block says, or undefined when
 * the file is not valid HCL.
 */
export async function parseResources(text: string): Promise<Map<string, ParsedResource> | undefined> {
  const hcl = await loadParser();
  let json: string;
  try {
    const [out, err] = hcl.parseToString(text);
    if (err !== null && err !== undefined) return undefined;
    json = out;
  } catch {
    return undefined;
  }
  const doc = JSON.parse(json) as { resource?: Record<string, Record<string, unknown[]>> };
  const out = new Map<string, ParsedResource>();
  for (const [type, byName] of Object.entries(doc.resource ?? {})) {
    for (const [name, bodies] of Object.entries(byName ?? {})) {
      const body = (Array.isArray(bodies) ? bodies[0] : bodies) as Record<string, unknown> | undefined;
      out.set(`${type}.${name}`, { ignoreChanges: ignoreChangesOf(body) });
    }
  }
  return out;
}

function ignoreChangesOf(body: Record<string, unknown> | undefined): string[] | 'all' {
  const lifecycles = body?.lifecycle;
  const list = Array.isArray(lifecycles) ? lifecycles : lifecycles ? [lifecycles] : [];
  const names: string[] = [];
  for (const lc of list as Record<string, unknown>[]) {
    const ic = lc?.ignore_changes;
    if (ic === undefined) continue;
    const items = Array.isArray(ic) ? ic : [ic];
    for (const item of items) {
      if (typeof item !== 'string') continue;
      const name = item.replace(/^\$\{(.*)\}$/s, '$1').trim();
      if (name === 'all' || (name === '*' && items.length === 1)) return 'all';
      if (name) names.push(name);
    }
  }
  return names;
}
