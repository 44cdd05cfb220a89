import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../../src/plan/taskdef.js';
import { containerSchema } from '../../src/plan/taskdef-schema.js';
import { FUZZ } from './arbitraries.js';

/**
 * The plan read parses each container definition by hand (`readContainer`); the rules read what
 * the container schema would return. The two must give the same value: the same keys in the same
 * order, the same `undefined` for a field of the wrong type, the same copies.
 */
const bySchema = (c: unknown): unknown => {
  const r = containerSchema().safeParse(c);
  return r.success ? r.data : {};
};

/** JSON text with `undefined` values kept visible, so that a key present as `undefined` and a missing key differ. */
const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : x)) ?? '<undefined>';

/**
 * Where two values first differ (`undefined` when they do not): the same primitives (`Object.is`), arrays of the
 * same length, objects of the same prototype with the same own keys in the same order.
 */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : at;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return at;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${at} (keys)`;
  for (const k of ka) {
    const d = difference((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 1e308),
  fc.boolean(),
  fc.constant(null),
);
/** Keys other than the schema's, including index-like keys (ordered first by JavaScript) and Object.prototype names. */
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('0', '7', '42', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'name', 'options', 'type', 'add'),
);
/** Any JSON-like value, nested a little. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
})).value;
/** A field: usually well-formed, sometimes null, anything at all, `undefined`, or missing. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
/** An object of `fields` (each may be missing) and extra keys, the extra keys before, among or after the fields. */
const looseRecord = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(key, anyValue, { maxKeys: 3 }),
      fc.nat(),
      fc.option(anyValue, { nil: undefined, freq: 4 }),
    )
    .map(([known, extra, at, proto]) => {
      const entries = Object.entries(known);
      const pos = at % (entries.length + 1);
      const o: Record<string, unknown> = {};
      for (const [k, v] of [...entries.slice(0, pos), ...Object.entries(extra), ...entries.slice(pos)]) {
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      // JSON.parse makes an own `__proto__` key; zod drops it.
      if (proto !== undefined)
        Object.defineProperty(o, '__proto__', { value: proto, enumerable: true, writable: true, configurable: true });
      return o;
    });
const num = field(fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.double()));
const str = field(fc.string({ maxLength: 6 }));
const bool = field(fc.boolean());
const arr = field(fc.array(anyValue, { maxLength: 3 }));
const arrayOf = (item: fc.Arbitrary<unknown>) =>
  field(
    fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(anyValue, { maxLength: 3 }) }),
  );
const strings = arrayOf(fc.string({ maxLength: 4 }));

const container = looseRecord({
  name: str,
  image: str,
  cpu: num,
  memory: num,
  memoryReservation: num,
  essential: bool,
  privileged: bool,
  disableNetworking: bool,
  links: arr,
  dnsServers: arr,
  dnsSearchDomains: arr,
  dockerSecurityOptions: arr,
  extraHosts: arr,
  portMappings: arrayOf(looseRecord({ containerPort: num, hostPort: num, protocol: str })),
  logConfiguration: field(looseRecord({ logDriver: str, options: field(fc.dictionary(key, anyValue, { maxKeys: 3 })) })),
  secrets: arr,
  repositoryCredentials: field(anyValue),
  resourceRequirements: arrayOf(looseRecord({ type: str, value: str })),
  linuxParameters: field(
    looseRecord({
      capabilities: field(looseRecord({ add: strings, drop: strings })),
      devices: arr,
      sharedMemorySize: num,
      tmpfs: arr,
      maxSwap: num,
      swappiness: num,
      initProcessEnabled: bool,
    }),
  ),
});
const definition = fc.oneof({ weight: 10, arbitrary: container }, { weight: 1, arbitrary: anyValue });

describe('readContainer', () => {
  it('returns what the container schema returns, key for key and in the same order', () => {
    fc.assert(
      fc.property(definition, (c) => {
        const plain = readContainer(c);
        const zod = bySchema(c);
        expect(show(plain)).toBe(show(zod));
        expect(difference(plain, zod)).toBeUndefined();
        // The same copies: a field is the input's own value in one exactly when it is in the other.
        if (typeof c === 'object' && c !== null) {
          const input = c as Record<string, unknown>;
          const shared = (o: unknown) => Object.keys(o as object).filter((k) => (o as Record<string, unknown>)[k] === input[k]);
          expect(shared(plain)).toEqual(shared(zod));
        }
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 1000) },
    );
  });

  it('returns what the schema returns for container definitions read from JSON text', () => {
    fc.assert(
      fc.property(fc.array(definition, { maxLength: 3 }), (defs) => {
        const text = JSON.stringify(defs);
        for (const c of JSON.parse(text) as unknown[]) {
          expect(show(readContainer(c))).toBe(show(bySchema(c)));
          expect(difference(readContainer(c), bySchema(c))).toBeUndefined();
        }
      }),
      { seed: FUZZ.seed, numRuns: Math.max(FUZZ.numRuns, 300) },
    );
  });

  it('keeps the schema fields first, drops wrong types to undefined and copies nested values', () => {
    const input = JSON.parse(
      '{"9":1,"extra":{"a":1},"memory":"512","name":"app","__proto__":{"x":1},"cpu":256,"portMappings":[{"protocol":"tcp","containerPort":80}],' +
        '"linuxParameters":{"capabilities":{"add":["SYS_PTRACE",1]}},"logConfiguration":null}',
    ) as Record<string, unknown>;
    const out = readContainer(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['9', 'name', 'cpu', 'memory', 'portMappings', 'logConfiguration', 'linuxParameters', 'extra']);
    expect(out.memory).toBeUndefined();
    expect(out.portMappings).toEqual([{ containerPort: 80, protocol: 'tcp' }]);
    expect(out.portMappings).not.toBe(input.portMappings);
    expect(out.linuxParameters).toEqual({ capabilities: { add: undefined } });
    expect(out.logConfiguration).toBeNull();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(show(out)).toBe(show(bySchema(input)));
    expect(readContainer([1])).toEqual({});
    expect(readContainer('x')).toEqual({});
  });
});
