import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactChange, Interner, pruneMask, settle, UNREAD_ATTRIBUTES } from '../../src/plan/compact.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectSensitiveStrings, Values, type Path } from '../../src/plan/values.js';
import { buildModel, instancesAt } from '../../src/plan/model.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildPlan } from '../helpers/plan.js';

describe('pruneMask', () => {
  it('keeps only the branches that lead to true, and positions in lists', () => {
    expect(pruneMask({ tags: {}, a: false, b: [{}, {}], c: { d: true, e: {} } })).toEqual({ c: { d: true } });
    expect(pruneMask([false, { x: true }, {}])).toEqual([false, { x: true }, false]);
    expect(pruneMask({ a: [[], [false, true]] })).toEqual({ a: [false, [false, true]] });
  });

  it('turns a mask that marks nothing into false, and keeps true', () => {
    expect(pruneMask({ tags: {}, network_configuration: [{ subnets: [false, false] }] })).toBe(false);
    expect(pruneMask(undefined)).toBe(false);
    expect(pruneMask(null)).toBe(false);
    expect(pruneMask(true)).toBe(true);
  });
});

describe('Interner', () => {
  it('returns one string for equal short strings and leaves long ones alone', () => {
    const t = new Interner(8);
    const a = t.intern(['ab', 'c'].join(''));
    expect(t.intern('abc')).toBe(a);
    expect(t.size).toBe(1);
    t.intern('x'.repeat(9));
    expect(t.size).toBe(1);
  });

  it('is emptied at its bound, and shares a string that repeats again after that', () => {
    const t = new Interner(96, 2);
    for (const s of ['a', 'b', 'c', 'd']) expect(t.intern(s)).toBe(s);
    expect(t.size).toBe(2);
    const again = t.intern(['x', 'y'].join(''));
    expect(t.size).toBe(1);
    expect(t.intern('xy')).toBe(again);
  });

  it('interns in place inside nested values', () => {
    const t = new Interner();
    const v = { a: ['subnet-1', { b: 'subnet-1' }], c: 5, d: null };
    t.internDeep(v);
    expect(v).toEqual({ a: ['subnet-1', { b: 'subnet-1' }], c: 5, d: null });
    expect(t.size).toBe(1);
  });
});

describe('compactChange', () => {
  it('shares the value of a no-op change and one array per action list', () => {
    const t = new Interner();
    const mk = (): Record<string, any> => ({
      address: 'aws_ecs_cluster.a',
      type: 'aws_ecs_cluster',
      change: {
        actions: ['no-op'],
        before: { name: 'a' },
        after: { name: 'a' },
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: { tags: {} },
      },
    });
    const x = compactChange(mk(), t) as Record<string, any>;
    const y = compactChange(mk(), t) as Record<string, any>;
    expect(x.change.before).toBe(x.change.after);
    expect(x.change.actions).toBe(y.change.actions);
    expect(x.change.after_unknown).toBe(false);
    expect(x.change.after_sensitive).toBe(false);
    expect(x.type).toBe(y.type);
  });

  it("keeps an update's two sides apart", () => {
    const rc = compactChange({ change: { actions: ['update'], before: { n: 1 }, after: { n: 2 } } }, new Interner()) as Record<string, any>;
    expect(rc.change.before).toEqual({ n: 1 });
    expect(rc.change.after).toEqual({ n: 2 });
  });

  it('returns what is not a resource change as it is, for validation to report', () => {
    const t = new Interner();
    expect(compactChange(null, t)).toBeNull();
    expect(compactChange([1], t)).toEqual([1]);
    expect(compactChange({ change: 'x' }, t)).toEqual({ change: 'x' });
  });

  // Every read of a compacted change answers as the change as written: known, unknown, absent
  // and sensitive, at every path, and the same sensitive strings are collected.
  const leaf = fc.oneof(fc.constantFrom('subnet-1', 'FARGATE', 's3cr3t-value', ''), fc.integer(), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  const mask = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.boolean(),
      fc.constant({}),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  const paths: Path[] = [[], ['a'], ['b'], ['a', 0], ['a', 'b'], [0], [1, 'c'], ['c', 1, 'a'], ['a', 'a', 'a']];

  it('reads the same as the change as written (property)', () => {
    fc.assert(
      fc.property(
        value,
        value,
        mask,
        mask,
        mask,
        fc.constantFrom(['update'], ['no-op'], ['create']),
        (before, after, unknown, bs, as, actions) => {
          const written = {
            change: {
              actions,
              before,
              after: actions[0] === 'no-op' ? before : after,
              after_unknown: unknown,
              before_sensitive: bs,
              after_sensitive: as,
            },
          };
          const copy = JSON.parse(JSON.stringify(written)) as typeof written;
          const c = (compactChange(copy, new Interner()) as typeof written).change;
          const w = written.change;
          for (const p of paths) {
            expect(new Values(c.after, c.after_unknown, c.after_sensitive).get(p)).toEqual(
              new Values(w.after, w.after_unknown, w.after_sensitive).get(p),
            );
            expect(new Values(c.before, undefined, c.before_sensitive).get(p)).toEqual(
              new Values(w.before, undefined, w.before_sensitive).get(p),
            );
            expect(new Values(c.after, c.after_unknown, c.after_sensitive).hasUnknown(p)).toBe(
              new Values(w.after, w.after_unknown, w.after_sensitive).hasUnknown(p),
            );
          }
          const got = new Set<string>();
          const want = new Set<string>();
          collectSensitiveStrings(c.after, c.after_sensitive, got);
          collectSensitiveStrings(c.before, c.before_sensitive, got);
          collectSensitiveStrings(w.after, w.after_sensitive, want);
          collectSensitiveStrings(w.before, w.before_sensitive, want);
          expect(got).toEqual(want);
        },
      ),
      { seed: 20261122, numRuns: 300 },
    );
  });
});

describe('attributes nothing reads', () => {
  it('are kept on the types whose readers declare them', () => {
    const change = () => ({
      type: 'aws_ecs_service',
      change: { actions: ['create'], after: { name: 'a', tags: { team: 'x' }, tags_all: { team: 'x' } } },
    });
    const kept = (type: string) => (type === 'aws_ecs_service' ? ['tags'] : []);
    const rc = compactChange(change(), new Interner(), kept) as Record<string, any>;
    expect(rc.change.after.tags).toEqual({ team: 'x' });
    expect(rc.change.after.tags_all).toBeUndefined();
    const other = compactChange({ ...change(), type: 'aws_ecs_cluster' }, new Interner(), kept) as Record<string, any>;
    expect(other.change.after.tags).toBeUndefined();
  });

  it('are dropped from kept values, unless a sensitive mask marks something in them', () => {
    const t = new Interner();
    const rc = compactChange(
      {
        change: {
          actions: ['update'],
          before: { name: 'a', tags: { team: 'x' } },
          after: { name: 'a', tags: { team: 's3cr3t-tag' }, tags_all: { team: 's3cr3t-tag' } },
          after_sensitive: { tags: { team: true } },
        },
      },
      t,
    ) as Record<string, any>;
    expect(rc.change.before.tags).toBeUndefined();
    expect(rc.change.after.tags).toEqual({ team: 's3cr3t-tag' });
    expect(rc.change.after.tags_all).toBeUndefined();
    expect(new Values(rc.change.before, undefined, undefined).get('tags').state).toBe('absent');
    expect(rc.change.after.name).toBe('a');
    const secrets = new Set<string>();
    collectSensitiveStrings(rc.change.after, rc.change.after_sensitive, secrets);
    expect(secrets.has('s3cr3t-tag')).toBe(true);
  });

  it('are read by no check and no estimator that does not declare them', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const sources = [...files('src/checks'), ...files('src/cost'), ...files('src/plan')].filter((f) => !f.endsWith('compact.ts'));
    expect(sources.length).toBeGreaterThan(50);
    for (const f of sources) {
      // Comments may name them; a declaration (`reads: ['aws_x.tags']`) lets its reader read them.
      const code = readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l));
      const declares = (a: string) => code.some((l) => /^\s*(reads: \[|\w+\.reads = \[)/.test(l) && l.includes(`.${a}'`));
      const text = code.filter((l) => !/^\s*(reads: \[|\w+\.reads = \[)/.test(l)).join('\n');
      for (const a of UNREAD_ATTRIBUTES)
        expect(
          !declares(a) && (text.includes(`'${a}'`) || text.includes(`"${a}"`) || text.includes(`.${a}`)),
          `${f} reads ${a} without declaring it in its reads (\`'<type>.${a}'\`)`,
        ).toBe(false);
    }
  });
});

describe('settle', () => {
  it('returns the same text', () => {
    const n = 7;
    expect(settle(`a ${n} b`)).toBe('a 7 b');
    expect(settle('')).toBe('');
  });
});

describe('instances by base address', () => {
  const model = (rs: Parameters<typeof buildPlan>[0]) => buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(rs)))));

  it('answers for keyed instances, an unkeyed one, and an address that occurs twice', () => {
    const m = model([
      { address: 'aws_ecs_service.a[0]', actions: ['create'], after: {} },
      { address: 'aws_ecs_service.a[1]', actions: ['create'], after: {} },
      { address: 'aws_ecs_service.b', actions: ['create'], after: {} },
      { address: 'aws_ecs_service.c', actions: ['create'], after: {} },
      { address: 'aws_ecs_service.c', actions: ['delete'], before: {}, deposed: '00000001' },
    ]);
    expect(instancesAt(m, 'aws_ecs_service.a').map((r) => r.address)).toEqual(['aws_ecs_service.a[0]', 'aws_ecs_service.a[1]']);
    expect(instancesAt(m, 'aws_ecs_service.b').map((r) => r.address)).toEqual(['aws_ecs_service.b']);
    expect(instancesAt(m, 'aws_ecs_service.c').map((r) => r.deposed ?? '')).toEqual(['', '00000001']);
    expect(instancesAt(m, 'aws_ecs_service.a[0]')).toEqual([]);
    expect(instancesAt(m, 'aws_ecs_service.x')).toEqual([]);
  });
});
