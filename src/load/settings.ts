import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { RULES } from '../checks/registry.js';
import type { Rule } from '../checks/types.js';
import { CostSettingsSchema } from '../cost/settings-schema.js';
import { InputError } from '../plan/errors.js';

// Finding and reading the file (src/load/settings-file.ts) is apart: this module and the YAML parser are
// loaded only when there is a settings file.
export { SETTINGS_FILE, loadSettings } from './settings-file.js';

const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

const requiredString = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `must be a string, got ${typeOf(iss.input)}`) });

/**
 * `.container-plan-check.yml`, validated with zod. Sections: `rules` (severity per rule, or off),
 * `ignore` (rule + address glob + required reason), `cost` (see src/cost/settings-schema.ts).
 */
export const SettingsSchema = z
  .object({
    rules: z.record(z.string(), z.enum(SEVERITY_SETTINGS, { error: () => `must be one of ${SEVERITY_SETTINGS.join(', ')}` })).optional(),
    ignore: z
      .array(
        z
          .object({
            rule: requiredString('a rule ID'),
            /** Glob over resource addresses: `*` any characters, `?` one; default every address. */
            address: requiredString('an address').default('*'),
            reason: requiredString('a reason').trim().min(1, 'a reason is required'),
          })
          .strict(),
      )
      .optional(),
    cost: CostSettingsSchema.optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
export type IgnoreEntry = NonNullable<Settings['ignore']>[number];

/** Parses and validates the YAML text of a configuration file. */
export function parseSettings(text: string, file: string, known: readonly Rule[] = RULES): Settings {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new InputError(`${file}${line ? `:${line}` : ''}`, `not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (e) {
    // The yaml library refuses aliases that expand to far more nodes than the text holds.
    if (e instanceof ReferenceError)
      throw new InputError(file, 'its aliases (*name) expand to too many values; write the values out or use fewer aliases');
    throw new InputError(file, `cannot be read as YAML (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || Array.isArray(data))
    throw new InputError(file, `must be a mapping with rules, ignore or cost, got ${typeOf(data)}`);
  const parsed = SettingsSchema.safeParse(data);
  if (!parsed.success) throw new InputError(file, describeIssue(parsed.error.issues[0]!));
  const ids = new Set(known.map((r) => r.id));
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!ids.has(id)) throw new InputError(file, `rules.${id}: unknown rule ID ${JSON.stringify(id)}`);
  }
  for (const [i, entry] of (parsed.data.ignore ?? []).entries()) {
    if (!ids.has(entry.rule)) throw new InputError(file, `ignore[${i}].rule: unknown rule ID ${JSON.stringify(entry.rule)}`);
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = keyPath([...issue.path, issue.keys[0]!]);
    const allowed = allowedKeys(issue.path);
    return `${key}: unknown key${allowed ? ` (expected ${allowed})` : ''}`;
  }
  const where = keyPath(issue.path);
  return where ? `${where}: ${issue.message}` : issue.message;
}

function allowedKeys(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return 'rules, ignore or cost';
  if (path[0] === 'ignore') return 'rule, address or reason';
  if (path[0] === 'cost') return Object.keys(CostSettingsSchema.shape).join(', ');
  return undefined;
}

/** `['ignore', 0, 'reason']` → `ignore[0].reason`. */
function keyPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : typeof v;
}
