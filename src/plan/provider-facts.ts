import type { z } from 'zod';
import providerDefaultsJson from '../aws/data/provider-defaults.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';
import type { PathStep } from './values.js';

/**
 * Facts about the attributes of the AWS provider's resources that the checks and estimators read
 * (src/aws/data/provider-defaults.json, with sources and date): how the provider's schema declares
 * each one, whether it is sent to AWS when it is zero, and what AWS does when it is not sent.
 * Paths use `*` for block and list positions: `block_device_mappings.*.ebs.*.volume_type`.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const Condition = z
    .object({
      /** Another attribute of the same resource; `*` takes the positions of the path being read. */
      path: z.string(),
      /** Its value is one of these (`null`: not set). */
      in: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      /** It is set to a non-empty value (true) or not (false). */
      present: z.boolean().optional(),
      prefix: z.string().optional(),
    })
    .strict();

  const DefaultCase = z
    .object({
      when: z.array(Condition).optional(),
      /** The value AWS uses. */
      value: z.unknown().optional(),
      /** AWS uses the value of another attribute (`desired_capacity` starts at `min_size`). */
      sameAs: z.string().optional(),
      /** Nothing takes its place (the launch template decides, the AMI's volume is used, …). */
      absent: z.boolean().optional(),
      note: z.string().optional(),
    })
    .strict();

  const Unset = DefaultCase.extend({
    /** AWS treats it as not given: no value, and (for a block) nothing below it either. */
    notSent: z.boolean().optional(),
    cases: z.array(DefaultCase).optional(),
  }).strict();

  const Fact = z
    .object({
      /** How the provider's schema declares it, per major version where they differ. */
      schema: z.union([
        z.enum(['optional-computed', 'optional', 'default', 'required', 'computed']),
        z.object({ v5: z.string(), v6: z.string() }).strict(),
      ]),
      /** The schema default (shown in the plan as if configured). */
      schemaDefault: z.unknown().optional(),
      /** The provider sends it only when it is not zero (`d.GetOk`): 0, "", false and [] read as not sent. */
      sentOnlyIfNonZero: z.boolean().optional(),
      /** What AWS does when it is not sent. */
      unset: Unset.optional(),
      /** Provider source file and AWS documentation page. */
      source: z.string(),
    })
    .strict();

  const ProviderDefaults = z
    .object({
      _meta: z.object({ description: z.string(), version: z.number(), date: z.string(), provider: z.string() }).loose(),
      types: z.record(z.string(), z.record(z.string(), Fact)),
    })
    .strict();
  return { Condition, DefaultCase, Unset, Fact, ProviderDefaults };
}
type Schemas = ReturnType<typeof schemas>;

export type ProviderFact = z.infer<Schemas['Fact']>;
export type DefaultCase = z.infer<Schemas['DefaultCase']>;

export const providerDefaults = embedded('provider-defaults.json', (z) => schemas(z).ProviderDefaults, providerDefaultsJson as unknown);

/** The fact for an attribute path of a resource type, if one is recorded. */
export function factFor(type: string, path: readonly PathStep[], length = path.length): ProviderFact | undefined {
  const facts = providerDefaults.types[type];
  if (!facts) return undefined;
  // Walked step by step through the type's facts (no key string built per read); a step that a
  // key could not name plainly (a dot, `*`, empty, a name objects inherit) takes the key's way.
  if (length === 0) return factByKey(facts, path, 0);
  let node: FactNode | undefined = factTree(type, facts);
  for (let i = 0; i < length; i++) {
    const s = path[i]!;
    if (typeof s === 'number') node = node.next.get('*');
    else if (s === '' || s === '*' || s.includes('.') || s in Object.prototype) return factByKey(facts, path, length);
    else node = node.next.get(s);
    if (!node) return undefined;
  }
  return node.fact;
}

function factByKey(facts: Record<string, ProviderFact>, path: readonly PathStep[], length: number): ProviderFact | undefined {
  let key = '';
  for (let i = 0; i < length; i++) {
    const s = path[i]!;
    key += key ? (typeof s === 'number' ? '.*' : `.${s}`) : typeof s === 'number' ? '*' : s;
  }
  return facts[key];
}

/** A type's facts as a tree of their keys' parts (`*` stands for any list index). */
interface FactNode {
  fact?: ProviderFact;
  next: Map<string, FactNode>;
}
const FACT_TREES = new Map<string, FactNode>();

function factTree(type: string, facts: Record<string, ProviderFact>): FactNode {
  let root = FACT_TREES.get(type);
  if (!root) {
    root = { next: new Map() };
    for (const key of Object.keys(facts)) {
      let node = root;
      for (const part of key.split('.')) {
        let n = node.next.get(part);
        if (!n) node.next.set(part, (n = { next: new Map() }));
        node = n;
      }
      node.fact = facts[key];
    }
    FACT_TREES.set(type, root);
  }
  return root;
}

/** `AWS uses "bridge" (ECS API TaskDefinition.networkMode)`: how a default reads in a message. */
export function defaultNote(fact: ProviderFact | undefined): string | undefined {
  return fact?.unset?.note ?? fact?.unset?.cases?.find((c) => c.note)?.note;
}

/**
 * The value AWS uses for an attribute that is not sent, when it does not depend on other
 * attributes (`block_device_mappings.*.ebs.*.volume_type` → gp2), with its fact; for the
 * estimators that need the same default for a volume the plan does not describe.
 */
export function awsDefault(type: string, path: string): { value: unknown; fact: ProviderFact } | undefined {
  const fact = providerDefaults.types[type]?.[path];
  const u = fact?.unset;
  if (!fact || !u || u.when || u.cases || !('value' in u)) return undefined;
  return { value: u.value, fact };
}
