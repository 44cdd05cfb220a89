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

/**
 * Parses a `lifecycle { … }` block's text and returns its `ignore_changes`: attribute names (as
 * written, e.g. `desired_count`, `tags["owner"]`), `'all'`, or [] when it sets none. Undefined
 * when the text is not valid HCL.
 */
export async function parseLifecycle(text: string): Promise<string[] | 'all' | undefined> {
  const hcl = await loadParser();
  let json: string;
  try {
    const [out, err] = hcl.parseToString(text);
    if (err !== null && err !== undefined) return undefined;
    json = out;
  } catch {
    return undefined;
  }
  const doc = JSON.parse(json) as { lifecycle?: unknown };
  const list = Array.isArray(doc.lifecycle) ? doc.lifecycle : doc.lifecycle ? [doc.lifecycle] : [];
  const names: string[] = [];
  for (const lc of list as Record<string, unknown>[]) {
    const ic = lc?.ignore_changes;
    if (ic === undefined) continue;
    const items = Array.isArray(ic) ? ic : [ic];
    for (const item of items) {
      if (typeof item !== 'string') continue;
      // hcl2json writes references as `${desired_count}`; Terraform 0.11 wrote quoted names.
      const name = item.replace(/^\$\{(.*)\}$/s, '$1').trim();
      if (name === 'all') return 'all';
      if (name) names.push(name);
    }
  }
  return names;
}
